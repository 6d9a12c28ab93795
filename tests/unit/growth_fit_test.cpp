// The growth fit on synthetic costs: exact curves, curves with a start-up cost, noisy curves, and what
// cannot be fitted.
#include "complexity/growth_fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>

using namespace proctor::runner;

namespace {

const std::vector<std::uint64_t> kFitSizes = {1000, 2000, 4000, 8000, 16000};

// Multiplicative noise of up to ±`noise` (a fixed sequence, so the test is reproducible).
std::vector<SizedCost> fit_curve(const std::function<double(double)>& f, double noise = 0,
                                 std::uint64_t seed = 1) {
  std::vector<SizedCost> points;
  std::uint64_t s = seed * 0x9E3779B97F4A7C15ULL + 1;
  for (std::uint64_t n : kFitSizes) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(s >> 11) / static_cast<double>(1ULL << 53);  // [0, 1)
    points.push_back({n, f(static_cast<double>(n)) * (1 + noise * (2 * u - 1))});
  }
  return points;
}

}  // namespace

TEST(GrowthFit, ExactPowerLawsGiveTheirExponentAndModel) {
  auto lin = fit_growth(fit_curve([](double n) { return 3 * n; }));
  ASSERT_TRUE(lin);
  EXPECT_NEAR(lin->exponent, 1.0, 0.011);  // the exponent is searched in steps of 0.01
  EXPECT_EQ(lin->model, GrowthModel::n);
  EXPECT_LT(lin->relative_error, 1e-9);

  auto quad = fit_growth(fit_curve([](double n) { return 0.01 * n * n; }));
  ASSERT_TRUE(quad);
  EXPECT_NEAR(quad->exponent, 2.0, 0.011);
  EXPECT_EQ(quad->model, GrowthModel::n2);

  auto cube = fit_growth(fit_curve([](double n) { return 1e-6 * n * n * n; }));
  ASSERT_TRUE(cube);
  EXPECT_NEAR(cube->exponent, 3.0, 0.011);
  EXPECT_EQ(cube->model, GrowthModel::n3);
}

TEST(GrowthFit, NLogNIsToldFromLinearAndQuadratic) {
  auto f = fit_growth(fit_curve([](double n) { return 5 * n * std::log2(n); }));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->model, GrowthModel::n_log_n);
  EXPECT_GT(f->exponent, 1.05);
  EXPECT_LT(f->exponent, 1.2);
}

TEST(GrowthFit, FlatCostIsConstant) {
  auto f = fit_growth(fit_curve([](double) { return 700; }));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->model, GrowthModel::constant);
  EXPECT_NEAR(f->exponent, 0.0, 1e-9);
  EXPECT_NEAR(f->startup + f->scale, 700, 1e-6);
}

TEST(GrowthFit, AStartUpCostDoesNotHideLinearGrowth) {
  // A linear program whose start-up costs as much as its work at the smallest size: the plain log-log
  // slope would read 0.7; the exponent and the model both say n, with the start-up as the constant.
  auto f = fit_growth(fit_curve([](double n) { return 2000 + 2 * n; }));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->model, GrowthModel::n);
  EXPECT_NEAR(f->startup, 2000, 1);
  EXPECT_NEAR(f->scale, 2, 1e-3);
  EXPECT_NEAR(f->exponent, 1.0, 0.011);
}

TEST(GrowthFit, QuadraticWithStartUpAndLinearTermIsQuadratic) {
  auto f = fit_growth(fit_curve([](double n) { return 1000 + 50 * n + 0.02 * n * n; }));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->model, GrowthModel::n2);
  EXPECT_GT(f->exponent, 1.6);
}

TEST(GrowthFit, NoisyCurvesKeepTheirModelAcrossSeeds) {
  // ±15% noise per size, as CPU time on a loaded machine gives: the verdict must not flip.
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const auto lin_costs = fit_curve([](double n) { return 500 + 3 * n; }, 0.15, seed);
    const auto quad_costs = fit_curve([](double n) { return 500 + 0.002 * n * n; }, 0.15, seed + 1000);
    auto lin = fit_growth(lin_costs), quad = fit_growth(quad_costs);
    ASSERT_TRUE(lin && quad);
    EXPECT_TRUE(cost_grew_more(quad_costs, lin_costs)) << "seed " << seed;
    EXPECT_LE(lin->model, GrowthModel::n_log_n) << "seed " << seed << " exponent " << lin->exponent;
    EXPECT_EQ(quad->model, GrowthModel::n2) << "seed " << seed << " exponent " << quad->exponent;
    EXPECT_TRUE(grows_faster(*quad, *lin)) << "seed " << seed;
    EXPECT_FALSE(grows_faster(*lin, *quad)) << "seed " << seed;
  }
}

TEST(GrowthFit, GrowsFasterNeedsTwoModelsOrTheExponentToo) {
  const GrowthFit lin{1.6, GrowthModel::n, 0, 1, 0}, nlogn{1.2, GrowthModel::n_log_n, 0, 1, 0},
      quad{1.9, GrowthModel::n2, 0, 1, 0};
  EXPECT_TRUE(grows_faster(quad, lin));    // two models apart, whatever the noisy exponents say
  EXPECT_TRUE(grows_faster(quad, nlogn));  // one apart, exponents 0.7 apart
  EXPECT_FALSE(grows_faster(nlogn, lin));  // one apart, the exponent lower
  EXPECT_FALSE(
      grows_faster(GrowthFit{1.6, GrowthModel::n2, 0, 1, 0}, GrowthFit{1.3, GrowthModel::n_log_n, 0, 1, 0}));
  EXPECT_FALSE(grows_faster(lin, quad));
  EXPECT_FALSE(grows_faster(quad, quad));
}

// A CI run's medians (CPU µs, no hardware counters, a build beside the tests): be-header's second
// accepted solution, almost all start-up cost, fitted as n^2 against the reference's n. Its cost grew
// 1.5x over the sizes where the reference's grew 4.7x, so the measured costs show no faster growth.
TEST(GrowthFit, AFitWhoseCostsDidNotGrowFasterIsNoEvidence) {
  const std::vector<SizedCost> cand = {{32, 1092},  {64, 1054},  {128, 1035},
                                       {256, 1081}, {512, 1255}, {1024, 1652}};
  const std::vector<SizedCost> ref = {{32, 1189},  {64, 1246},  {128, 1503},
                                      {256, 2055}, {512, 3184}, {1024, 5543}};
  double cheapest = 1035;
  auto c = fit_growth(cand, cheapest), r = fit_growth(ref, cheapest);
  ASSERT_TRUE(c && r);
  EXPECT_TRUE(grows_faster(*c, *r)) << "the fits alone: " << to_string(c->model) << " against "
                                    << to_string(r->model);
  EXPECT_FALSE(cost_grew_more(cand, ref));
  EXPECT_TRUE(cost_grew_more(ref, cand));
}

TEST(GrowthFit, CostGrewMoreComparesOnlyTheSizesBothMeasured) {
  // The quadratic one was stopped after 4000 (too slow to go on); the linear one went on to 16000.
  const std::vector<SizedCost> quad = {{1000, 2500}, {2000, 8500}, {4000, 32500}};
  const std::vector<SizedCost> lin = {
      {1000, 3500}, {2000, 6500}, {4000, 12500}, {8000, 24500}, {16000, 48500}};
  EXPECT_TRUE(cost_grew_more(quad, lin));
  EXPECT_FALSE(cost_grew_more(lin, quad));
  EXPECT_FALSE(cost_grew_more(quad, {{1000, 3500}}));  // one common size: no growth to compare
  EXPECT_FALSE(cost_grew_more({}, lin));
}

TEST(GrowthFit, LinearDoesNotGrowFasterThanNLogN) {
  auto lin = fit_growth(fit_curve([](double n) { return 3 * n; }));
  auto nlogn = fit_growth(fit_curve([](double n) { return n * std::log2(n); }));
  ASSERT_TRUE(lin && nlogn);
  EXPECT_FALSE(grows_faster(*nlogn, *lin));  // a higher model, but not by half an order
}

TEST(GrowthFit, TooFewSizesOrBadCostsCannotBeFitted) {
  EXPECT_FALSE(fit_growth({}));
  EXPECT_FALSE(fit_growth({{1000, 5}, {2000, 10}}));
  EXPECT_FALSE(fit_growth({{1000, 5}, {1000, 6}, {2000, 10}, {2000, 11}}));  // two distinct sizes
  EXPECT_FALSE(fit_growth({{1000, 5}, {2000, 0}, {4000, 20}}));
  EXPECT_FALSE(fit_growth({{0, 5}, {2000, 10}, {4000, 20}}));
  EXPECT_TRUE(fit_growth({{1000, 5}, {2000, 10}, {4000, 20}}));
}

TEST(GrowthFit, SentenceNamesBothCurves) {
  GrowthFit quad{1.94, GrowthModel::n2, 0, 1, 0.01}, lin{1.02, GrowthModel::n, 0, 1, 0.01};
  EXPECT_EQ(growth_sentence(quad, lin),
            "The submission's cost grows like n^1.9 (closest model n^2); the reference's grows like n^1.0 "
            "(closest model n).");
  EXPECT_EQ(growth_sentence(std::nullopt, lin),
            "The submission's cost has too few measured sizes to tell its growth; the reference's grows like "
            "n^1.0 (closest model n).");
  EXPECT_EQ(format_exponent(0.96), "n^1.0");
}

TEST(GrowthFit, ModelNamesRoundTrip) {
  for (GrowthModel m : {GrowthModel::constant, GrowthModel::log_n, GrowthModel::n, GrowthModel::n_log_n,
                        GrowthModel::n2, GrowthModel::n3}) {
    EXPECT_EQ(growth_model_from_string(to_string(m)), m);
  }
  EXPECT_FALSE(growth_model_from_string("n^4"));
}

TEST(GrowthFit, StartUpStaysUnderTheGivenBound) {
  // A slow program's curve with a large constant: bounded by another program's cheapest run, the
  // constant cannot absorb the growth.
  auto free_fit = fit_growth(fit_curve([](double n) { return 20000 + 0.001 * n * n; }));
  auto bounded = fit_growth(fit_curve([](double n) { return 20000 + 0.001 * n * n; }), 3000.0);
  ASSERT_TRUE(free_fit && bounded);
  EXPECT_GT(free_fit->startup, 19000);
  EXPECT_LE(bounded->startup, 3000);
  EXPECT_LT(bounded->exponent, free_fit->exponent);
}
