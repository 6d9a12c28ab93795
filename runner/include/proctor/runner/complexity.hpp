#pragma once
// Complexity evidence (issue 13): the submission and the reference run on a scaling family (inputs of
// growing size n, declared in generators/generators.yaml), a cost per size, and how it grows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace proctor::runner {

enum class GrowthModel { constant, log_n, n, n_log_n, n2, n3 };  // in order of growth

const char* to_string(GrowthModel model);  // "1", "log n", "n", "n log n", "n^2", "n^3"
std::optional<GrowthModel> growth_model_from_string(const std::string& text);

struct GrowthFit {
  double exponent = 0;                 // least-squares slope of log(cost) against log(n)
  GrowthModel model = GrowthModel::n;  // the closest model, fitted as cost = startup + scale·f(n)
  double startup = 0;                  // in the cost's unit
  double scale = 0;
  double relative_error = 0;  // root mean square of (model - cost) / cost over the sizes
};

// One size of the family: the median of the repeated runs' costs, or why there is none.
struct ScalingPoint {
  std::uint64_t n = 0;
  std::optional<double> cost;          // median, in ComplexityEvidence::unit
  std::vector<std::uint64_t> samples;  // every run's cost
  std::string failure;                 // "TLE", "RTE: exit code 1", "skipped after a TLE at a smaller n"
};

struct ScalingCurve {
  std::string solution;  // "submission", or the reference's path in the package ("accepted/ref.c")
  std::vector<ScalingPoint> points;
  std::optional<GrowthFit> fit;  // nullopt with fewer than three measured sizes
};

struct ComplexityEvidence {
  std::string unit;             // "instructions" or "cpu-time-us" (sandbox::Cost::Unit)
  std::string fallback_reason;  // why not instructions, when the unit is CPU time
  unsigned repeat = 0;          // runs per size (the median is kept)
  ScalingCurve candidate, reference;
  std::string sentence;           // "The submission's cost grows like n^1.9 (closest model n^2); ..."
  bool grows_faster = false;      // the submission's growth is clearly steeper than the reference's
  std::uint64_t duration_ms = 0;  // wall time of the whole pass
  std::string error;              // the pass could not run (no family, inputs not generated, ...)
};

}  // namespace proctor::runner
