#pragma once
// How a cost grows with the input size n: the least-squares exponent on log-log axes, and the closest
// of the usual models (1, log n, n, n log n, n², n³), each fitted as cost = startup + scale·f(n).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/signals.hpp"

namespace proctor::runner {

struct SizedCost {
  std::uint64_t n = 0;
  double cost = 0;
};

// nullopt with fewer than three points of distinct n, or a non-positive n or cost. The start-up term is
// at most the smallest cost, and at most `max_startup` when given: the cheapest run of another program
// on the same family (every run pays the same launch), so a slow program's curve cannot hide part of
// its growth in a large constant.
std::optional<GrowthFit> fit_growth(const std::vector<SizedCost>& points,
                                    std::optional<double> max_startup = std::nullopt);

// "n^1.9": the exponent with one decimal.
std::string format_exponent(double exponent);

// The report's sentence: "The submission's cost grows like n^1.9 (closest model n^2); the reference's grows
// like n^1.0 (closest model n)." Either fit may be missing ("has too few measured sizes to tell its growth").
std::string growth_sentence(const std::optional<GrowthFit>& candidate,
                            const std::optional<GrowthFit>& reference);

// The candidate grows visibly faster than the reference: a model at least two steps higher (n² against
// n), or one step higher with an exponent larger by at least `margin` (n² against n log n, but never
// n log n against n on noise alone).
bool grows_faster(const GrowthFit& candidate, const GrowthFit& reference, double margin = 0.5);

// Over the sizes both curves measured, the candidate's cost grew by a larger factor than the
// reference's, from the smallest size to the largest. grows_faster alone can read a steep model into a
// curve that is almost all start-up cost and noise (a submission whose cost grew 1.5x from n=32 to 1024,
// fitted as n^2, against a reference's 4.7x, fitted as n): growth that is not in the measured costs is
// no evidence. False with fewer than two common sizes.
bool cost_grew_more(const std::vector<SizedCost>& candidate, const std::vector<SizedCost>& reference);

}  // namespace proctor::runner
