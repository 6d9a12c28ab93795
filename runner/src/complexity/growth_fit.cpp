// Why cost = startup + a·f(n) and not a·f(n): every run pays a fixed start (exec, page faults, the
// harness), which on small sizes is a large share of the cost and bends a linear curve flat on
// log-log axes. Why relative weights: costs span orders of magnitude; an absolute least squares would
// fit only the largest size.
#include "complexity/growth_fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace proctor::runner {
namespace {

constexpr GrowthModel kModels[] = {GrowthModel::constant, GrowthModel::log_n, GrowthModel::n,
                                   GrowthModel::n_log_n,  GrowthModel::n2,    GrowthModel::n3};

constexpr double kExponentStep = 0.01;
constexpr int kMaxExponentSteps = 400;  // exponents 0 to 4

double shape(GrowthModel model, double n) {
  const double log_n = std::log2(std::max(n, 2.0));
  switch (model) {
    case GrowthModel::constant:
      return 1;
    case GrowthModel::log_n:
      return log_n;
    case GrowthModel::n:
      return n;
    case GrowthModel::n_log_n:
      return n * log_n;
    case GrowthModel::n2:
      return n * n;
    case GrowthModel::n3:
      return n * n * n;
  }
  return n;
}

struct ModelFit {
  double startup = 0, scale = 0, relative_error = INFINITY;
};

double relative_error(const std::vector<SizedCost>& points, const std::vector<double>& f, double b,
                      double a) {
  double e = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double r = (b + a * f[i] - points[i].cost) / points[i].cost;
    e += r * r;
  }
  return std::sqrt(e / static_cast<double>(points.size()));
}

// cost ≈ startup + scale·f(n): weighted least squares (weights 1/cost²), with 0 ≤ startup ≤ the
// smallest cost (a start-up cost is paid by every run) and scale ≥ 0. On a boundary, the best of the
// boundary's one-parameter fits.
ModelFit fit_shape(const std::vector<SizedCost>& points, const std::vector<double>& f, double max_startup) {
  double sw = 0, sf = 0, sff = 0, sc = 0, sfc = 0, min_cost = max_startup;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double w = 1 / (points[i].cost * points[i].cost);
    sw += w;
    sf += w * f[i];
    sff += w * f[i] * f[i];
    sc += w * points[i].cost;
    sfc += w * f[i] * points[i].cost;
    min_cost = std::min(min_cost, points[i].cost);
  }
  ModelFit best;
  auto consider = [&](double b, double a) {
    if (b < 0 || a < 0 || b > min_cost || !std::isfinite(a) || !std::isfinite(b)) return;
    const double e = relative_error(points, f, b, a);
    if (e < best.relative_error) best = {b, a, e};
  };
  const double det = sw * sff - sf * sf;
  if (std::fabs(det) > 1e-9 * sw * sff) consider((sff * sc - sf * sfc) / det, (sw * sfc - sf * sc) / det);
  consider(sc / sw, 0);                                          // startup alone
  if (sff > 0) consider(0, sfc / sff);                           // scale alone
  if (sff > 0) consider(min_cost, (sfc - min_cost * sf) / sff);  // the largest startup
  return best;
}

std::vector<double> shape_of(const std::vector<SizedCost>& points, GrowthModel model) {
  std::vector<double> f;
  for (const SizedCost& p : points) f.push_back(shape(model, static_cast<double>(p.n)));
  return f;
}

}  // namespace

std::optional<GrowthFit> fit_growth(const std::vector<SizedCost>& points, std::optional<double> max_startup) {
  std::set<std::uint64_t> sizes;
  for (const SizedCost& p : points) {
    if (p.n == 0 || !(p.cost > 0) || !std::isfinite(p.cost)) return std::nullopt;
    sizes.insert(p.n);
  }
  if (sizes.size() < 3) return std::nullopt;

  GrowthFit fit;
  // The exponent k of cost ≈ startup + scale·n^k, searched on a grid: the start-up cost every run pays
  // would otherwise flatten the slope of a cheap program's curve on log-log axes.
  double best_error = INFINITY;
  for (int step = 0; step <= kMaxExponentSteps; ++step) {
    const double k = step * kExponentStep;
    std::vector<double> f;
    for (const SizedCost& p : points) f.push_back(std::pow(static_cast<double>(p.n), k));
    const ModelFit m = fit_shape(points, f, max_startup.value_or(INFINITY));
    if (m.relative_error < best_error - 1e-12) {
      best_error = m.relative_error;
      fit.exponent = k;
    }
  }

  // The closest model; a higher one must fit clearly better (by a quarter) to win, so noise on a
  // linear curve does not read as n log n.
  bool first = true;
  for (GrowthModel model : kModels) {
    const ModelFit m = fit_shape(points, shape_of(points, model), max_startup.value_or(INFINITY));
    if (first || m.relative_error < 0.75 * fit.relative_error) {
      fit.model = model;
      fit.startup = m.startup;
      fit.scale = m.scale;
      fit.relative_error = m.relative_error;
      first = false;
    }
  }
  return fit;
}

std::string format_exponent(double exponent) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "n^%.1f", exponent);
  return buf;
}

std::string growth_sentence(const std::optional<GrowthFit>& candidate,
                            const std::optional<GrowthFit>& reference) {
  auto one = [](const std::optional<GrowthFit>& f) {
    if (!f) return std::string("has too few measured sizes to tell its growth");
    return "grows like " + format_exponent(f->exponent) + " (closest model " + to_string(f->model) + ")";
  };
  return "The submission's cost " + one(candidate) + "; the reference's " + one(reference) + ".";
}

bool grows_faster(const GrowthFit& candidate, const GrowthFit& reference, double margin) {
  // Two models apart (n against n^2) is growth no noise makes up; one apart (n log n against n^2, or n
  // against n log n) needs the exponents to agree.
  const int steps = static_cast<int>(candidate.model) - static_cast<int>(reference.model);
  return steps >= 2 || (steps == 1 && candidate.exponent >= reference.exponent + margin);
}

bool cost_grew_more(const std::vector<SizedCost>& candidate, const std::vector<SizedCost>& reference) {
  std::map<std::uint64_t, double> cand, ref;
  for (const SizedCost& c : candidate) cand[c.n] = c.cost;
  for (const SizedCost& r : reference) ref[r.n] = r.cost;
  std::optional<std::uint64_t> low, high;
  for (const auto& [n, cost] : cand) {
    if (!ref.count(n) || !(cost > 0) || !(ref[n] > 0)) continue;
    if (!low) low = n;
    high = n;
  }
  if (!low || *high == *low) return false;
  return cand[*high] / cand[*low] > ref[*high] / ref[*low];
}

}  // namespace proctor::runner
