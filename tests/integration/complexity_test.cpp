// Complexity evidence on the bundled exercises that declare a scaling family: the too-slow submission's
// growth is told from the reference's in every one of several repeated passes (on this project's
// noisy, shared 2-core machine), and an accepted solution measured as the "submission" is never said
// to grow faster. The CPU-time path and the counter path (the kernel's task clock) run everywhere; the
// instruction path runs where the machine has a PMU, and otherwise the skip says why.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <ostream>

#include "c_program.hpp"
#include "complexity/scaling_run.hpp"
#include "execute/compile.hpp"
#include "execute/submission.hpp"
#include "outer_cgroup.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/sandbox/launch.hpp"
#include "result/complexity_json.hpp"

namespace fs = std::filesystem;
using namespace proctor::runner;
using proctor::sandbox::CostMeasure;
using proctor::test::TempDirectory;

namespace {

const fs::path kExercises = fs::path(PROCTOR_SOURCE_DIR) / "exercises";

struct Family {
  const char* exercise;
  const char* too_slow;  // under submissions/
  const char* accepted;  // another accepted solution than the reference
};

// How gtest shows a parameter (ctest's test list, failure messages): the exercise's name, not the
// struct's bytes.
void PrintTo(const Family& f, std::ostream* os) {
  *os << f.exercise;
}

const Family kFamilies[] = {
    {"log-levels", "time_limit_exceeded/linear_lookup.c", "accepted/sort.c"},
    {"path-normalize", "time_limit_exceeded/rewrite.c", "accepted/backtrack.c"},
    {"be-header", "time_limit_exceeded/strlen_loop.c", "accepted/bswap.c"},
};

class Complexity : public ::testing::TestWithParam<Family> {
 protected:
  static void SetUpTestSuite() {
    outer_ = new proctor::test::OuterCgroup();
    std::printf("%s\n", outer_->enter().c_str());
    sandbox_ = new proctor::sandbox::Sandbox();
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    delete outer_;
  }

  void SetUp() override {
    exercise_ = load_exercise(kExercises / GetParam().exercise);
    for (const fs::path& input : authoring_inputs()) {
      if (!fs::exists(input))
        GTEST_FAIL() << input << " is missing: run proctor exercise generate (scripts/setup does)";
    }
  }

  std::vector<fs::path> authoring_inputs() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(exercise_.root / "data" / "scaling")) {
      if (entry.path().extension() == ".in") out.push_back(entry.path());
    }
    if (out.empty()) out.push_back(exercise_.root / "data" / "scaling" / "(none generated)");
    return out;
  }

  fs::path compile(const std::string& submission, const fs::path& dir) {
    CompileOutcome c = compile_for_runs(*sandbox_, exercise_,
                                        read_submission(exercise_.root / "submissions" / submission), dir);
    EXPECT_EQ(c.result.status, CompileStatus::OK) << c.result.output << c.error;
    return c.binary;
  }

  ComplexityEvidence measure(const fs::path& binary, CostMeasure measure, const std::string& label) {
    TempDirectory scratch;
    ComplexityOptions options;
    options.measure = measure;
    std::optional<ComplexityEvidence> e =
        measure_complexity(*sandbox_, exercise_, binary, scratch.path(), options);
    EXPECT_TRUE(e) << GetParam().exercise << " declares no scaling family";
    if (!e) return {};
    std::printf("%s %s: %s\n", GetParam().exercise, label.c_str(), to_json(*e).dump().c_str());
    EXPECT_EQ(e->status, SignalStatus::ran) << e->note;
    return *e;
  }

  // One pass over the too-slow submission with a single interleaved round (repeat 1).
  std::optional<ComplexityEvidence> one_round_of_the_too_slow() {
    const fs::path slow = compile(GetParam().too_slow, build_.path() / "slow");
    ComplexityOptions options;
    options.repeat = 1;
    TempDirectory scratch;
    return measure_complexity(*sandbox_, exercise_, slow, scratch.path(), options);
  }

  Exercise exercise_;
  TempDirectory build_;
  static inline proctor::sandbox::Sandbox* sandbox_ = nullptr;
  static inline proctor::test::OuterCgroup* outer_ = nullptr;
};

TEST_P(Complexity, TooSlowGrowsFasterThanTheReferenceInEveryRepeatedPass) {
  const fs::path slow = compile(GetParam().too_slow, build_.path() / "slow");
  for (int pass = 1; pass <= 3; ++pass) {
    ComplexityEvidence e = measure(slow, CostMeasure::instructions, "too slow, pass " + std::to_string(pass));
    ASSERT_TRUE(e.candidate.fit && e.reference.fit) << e.sentence;
    EXPECT_TRUE(e.grows_faster) << "pass " << pass << ": " << e.sentence;
    EXPECT_GE(e.candidate.fit->model, GrowthModel::n2) << "pass " << pass << ": " << e.sentence;
    EXPECT_LE(e.reference.fit->model, GrowthModel::n_log_n) << "pass " << pass << ": " << e.sentence;
    EXPECT_GT(e.candidate.fit->exponent, 1.5) << "pass " << pass << ": " << e.sentence;
    // CPU time grows a little faster than the work once a reference's tables outgrow the caches.
    EXPECT_LT(e.reference.fit->exponent, 1.7) << "pass " << pass << ": " << e.sentence;
    if (sandbox_->capabilities().instructions_why_not.empty()) {
      EXPECT_EQ(e.unit, "instructions");
    } else {
      EXPECT_EQ(e.unit, "cpu-time-us");
      EXPECT_EQ(e.fallback_reason, sandbox_->capabilities().instructions_why_not);
    }
  }
}

TEST_P(Complexity, AnotherAcceptedSolutionNeverGrowsFaster) {
  const fs::path accepted = compile(GetParam().accepted, build_.path() / "accepted");
  for (int pass = 1; pass <= 2; ++pass) {
    ComplexityEvidence e =
        measure(accepted, CostMeasure::instructions, "accepted, pass " + std::to_string(pass));
    ASSERT_TRUE(e.candidate.fit && e.reference.fit) << e.sentence;
    EXPECT_FALSE(e.grows_faster) << "pass " << pass << ": " << e.sentence;
    EXPECT_LE(e.candidate.fit->model, GrowthModel::n_log_n) << "pass " << pass << ": " << e.sentence;
  }
}

TEST_P(Complexity, TheCounterPathTellsThemApartToo) {
  if (!sandbox_->capabilities().task_clock_why_not.empty())
    GTEST_SKIP() << "no task-clock counter: " << sandbox_->capabilities().task_clock_why_not;
  const fs::path slow = compile(GetParam().too_slow, build_.path() / "slow");
  ComplexityEvidence e = measure(slow, CostMeasure::task_clock, "too slow, task clock");
  EXPECT_EQ(e.unit, "task-clock-ns");
  EXPECT_EQ(e.fallback_reason, "");
  ASSERT_TRUE(e.candidate.fit && e.reference.fit) << e.sentence;
  EXPECT_TRUE(e.grows_faster) << e.sentence;
}

TEST_P(Complexity, TheInstructionPathWhereTheMachineCountsThem) {
  const std::string& why_not = sandbox_->capabilities().instructions_why_not;
  if (!why_not.empty()) GTEST_SKIP() << "this machine cannot count instructions: " << why_not;
  const fs::path slow = compile(GetParam().too_slow, build_.path() / "slow");
  ComplexityEvidence e = measure(slow, CostMeasure::instructions, "too slow, instructions");
  EXPECT_EQ(e.unit, "instructions");
  ASSERT_TRUE(e.candidate.fit && e.reference.fit) << e.sentence;
  EXPECT_TRUE(e.grows_faster) << e.sentence;
  // Instructions hardly vary between runs: a size's runs agree within 2%.
  for (const ScalingPoint& p : e.reference.points) {
    if (p.samples.size() < 2) continue;
    const auto [lo, hi] = std::minmax_element(p.samples.begin(), p.samples.end());
    EXPECT_LE(static_cast<double>(*hi), 1.02 * static_cast<double>(*lo)) << "n=" << p.n;
  }
}

TEST_P(Complexity, EvidenceSurvivesTheResultDocument) {
  const std::optional<ComplexityEvidence> e = one_round_of_the_too_slow();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->repeat, 1u);
  const ComplexityEvidence back = complexity_from_json(to_json(*e), "signals.complexity");
  EXPECT_EQ(to_json(back), to_json(*e));
}

// One interleaved round (repeat 1), then cheap sizes are run again: the reference's smallest size (about
// a millisecond per run anywhere) gets more samples, no size more than 12, a size is run again only
// while its runs have used less than 80 ms of CPU, and the cost kept is the least sample.
TEST_P(Complexity, CheapSizesAreRunAgainAndTheLeastCostIsKept) {
  const std::optional<ComplexityEvidence> e = one_round_of_the_too_slow();
  ASSERT_TRUE(e);
  ASSERT_FALSE(e->reference.points.empty());
  EXPECT_GT(e->reference.points.front().samples.size(), 1u) << to_json(*e).dump();
  for (const ScalingCurve* curve : {&e->candidate, &e->reference}) {
    for (const ScalingPoint& p : curve->points) {
      if (p.samples.empty()) continue;
      EXPECT_LE(p.samples.size(), 12u) << "n=" << p.n;
      if (p.failure.empty()) {
        ASSERT_TRUE(p.cost) << "n=" << p.n;
        EXPECT_EQ(*p.cost, static_cast<double>(*std::min_element(p.samples.begin(), p.samples.end())))
            << "n=" << p.n;
      }
      if (e->unit == "cpu-time-us" && p.samples.size() > 1) {
        std::uint64_t before_last = 0;
        for (std::size_t i = 0; i + 1 < p.samples.size(); ++i) before_last += p.samples[i];
        EXPECT_LT(before_last, 80'000u) << "n=" << p.n << ": run again after 80 ms of CPU";
      }
    }
  }
}

// The pass's time budget: once spent, no run starts; every size not reached says why, on both curves.
TEST_P(Complexity, ASpentBudgetStartsNoFurtherRun) {
  const fs::path slow = compile(GetParam().too_slow, build_.path() / "slow");
  ComplexityOptions options;
  options.budget_ms = 0;  // spent as soon as the reference is compiled
  TempDirectory scratch;
  auto e = measure_complexity(*sandbox_, exercise_, slow, scratch.path(), options);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, SignalStatus::ran);
  EXPECT_EQ(e->note.rfind("time budget of 0 s spent at n=", 0), 0u) << e->note;
  ASSERT_FALSE(e->candidate.points.empty());
  for (const ScalingCurve* curve : {&e->candidate, &e->reference}) {
    for (const ScalingPoint& p : curve->points) {
      EXPECT_TRUE(p.samples.empty()) << "n=" << p.n;
      EXPECT_EQ(p.failure, "skipped: the pass's time budget was spent") << "n=" << p.n;
    }
    EXPECT_FALSE(curve->fit);
  }
  EXPECT_FALSE(e->grows_faster);
  EXPECT_NE(e->sentence.find("too few measured sizes"), std::string::npos) << e->sentence;
}

std::string family_name(const ::testing::TestParamInfo<Family>& info) {
  std::string name = info.param.exercise;
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Bundled, Complexity, ::testing::ValuesIn(kFamilies), family_name);

TEST(ComplexityPackage, NoFamilyNoEvidence) {
  proctor::sandbox::Sandbox sandbox;
  const Exercise e = load_exercise(kExercises / "masked-search");
  TempDirectory scratch;
  EXPECT_FALSE(measure_complexity(sandbox, e, "/nonexistent", scratch.path()));
}
