// Why interleaved and sequential: CPU time on a shared machine drifts with its load; running the
// reference right after the submission at each size exposes both curves to the same drift, and one
// run at a time keeps the two cores' contention out of the figures. Why the least of the samples: noise
// only ever adds to a run's cost (another tenant of the host, a page fault that the hypervisor makes
// slow, a cold cache), so the cheapest run is the closest to the program's own cost (Chen and Revels,
// "Robust benchmarking in noisy environments", 2016). Why more samples for cheap runs: on a shared
// virtual machine a run of a few milliseconds that touches fresh memory varies 2x from one run to the
// next, for seconds at a time; a few more runs of such a size cost little and find a quiet one, where
// three could all land in the same noisy stretch and bend the reference's curve upwards.
#include "complexity/scaling_run.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "complexity/growth_fit.hpp"
#include "execute/compile.hpp"
#include "execute/submission.hpp"
#include "execute/test_run.hpp"
#include "package/generators_manifest.hpp"
#include "package/reference.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

// The next size is skipped when its run is predicted to use more than this share of the time limit: a
// run at the limit adds no point to the curve, only its time to the grade.
constexpr double kPredictedShare = 0.4;

// After the `repeat` interleaved rounds, a size keeps being run (both programs still interleaved, each
// only while it qualifies) until its runs have used this much CPU time in all, or it has this many
// samples: a reference at a few milliseconds per run gets about ten, a quadratic candidate at its
// largest size keeps its `repeat` (and so does a family whose `repeat` is above kMaxSamples).
constexpr std::uint64_t kTopUpCpuUs = 80'000;
constexpr std::size_t kMaxSamples = 12;

struct CurveState {
  ScalingCurve curve;
  bool stopped = false;
  std::string stop_reason;
  std::uint64_t cpu_ms = 0;       // the cheapest run at the current size (what the curve keeps)
  std::uint64_t size_cpu_us = 0;  // all runs at the current size
  std::uint64_t previous_n = 0, previous_cpu_ms = 0;
};

// Extrapolates the CPU time to the next size with the growth seen between the last two sizes (at
// least linear; quadratic when only one size is known), and stops the curve when it would come close
// to the limit.
void predict_next(CurveState& state, std::uint64_t n, std::uint64_t next_n, std::uint64_t limit_ms) {
  if (state.stopped) return;
  double growth = 2;
  if (state.previous_n > 0 && state.previous_cpu_ms > 0 && state.cpu_ms > 0) {
    growth = std::max(
        1.0, std::log(static_cast<double>(state.cpu_ms) / static_cast<double>(state.previous_cpu_ms)) /
                 std::log(static_cast<double>(n) / static_cast<double>(state.previous_n)));
  }
  const double predicted = static_cast<double>(state.cpu_ms) *
                           std::pow(static_cast<double>(next_n) / static_cast<double>(n), growth);
  if (predicted > kPredictedShare * static_cast<double>(limit_ms)) {
    state.stopped = true;
    state.stop_reason = "skipped: predicted to take about " +
                        std::to_string(static_cast<std::uint64_t>(predicted)) + " ms of the " +
                        std::to_string(limit_ms) + " ms limit (" + std::to_string(state.cpu_ms) +
                        " ms at n=" + std::to_string(n) + ")";
  }
  state.previous_n = n;
  state.previous_cpu_ms = state.cpu_ms;
  state.cpu_ms = 0;
}

bool wants_more_samples(const CurveState& state, const ScalingPoint& point) {
  return !state.stopped && !point.samples.empty() && point.samples.size() < kMaxSamples &&
         state.size_cpu_us < kTopUpCpuUs;
}

// Runs `program` once on the size's input, adding its cost to `point`, or ending the curve.
void run_scaling_once(const TestContext& context, const fs::path& input, std::uint64_t n, unsigned round,
                      sandbox::CostMeasure measure, CurveState& state, ScalingPoint& point,
                      ComplexityEvidence& evidence) {
  if (state.stopped) return;
  const std::string stem = "scaling-" + std::to_string(n) + "-" + std::to_string(round);
  const ProgramRun run = run_program(context, input, stem, measure);
  run.remove_outputs();
  const sandbox::RunReport& r = run.report;
  if (r.status != sandbox::Status::ok || !r.cost) {
    point.failure =
        std::string(sandbox::to_string(r.status)) + ": " + run_message(r, context.exercise->limits);
    state.stopped = true;
    state.stop_reason =
        "skipped after " + std::string(sandbox::to_string(r.status)) + " at n=" + std::to_string(n);
    return;
  }
  if (evidence.unit.empty()) {
    evidence.unit = sandbox::to_string(r.cost->unit);
    evidence.fallback_reason = r.cost->fallback_reason;
  }
  point.samples.push_back(r.cost->value);
  state.cpu_ms = point.samples.size() == 1 ? r.cpu_ms() : std::min(state.cpu_ms, r.cpu_ms());
  state.size_cpu_us += r.cpu_us;
}

std::vector<SizedCost> least_costs(ScalingCurve& curve) {
  std::vector<SizedCost> measured;
  for (ScalingPoint& p : curve.points) {
    if (p.failure.empty() && !p.samples.empty()) {
      p.cost = static_cast<double>(*std::min_element(p.samples.begin(), p.samples.end()));
      measured.push_back({p.n, *p.cost});
    }
  }
  return measured;
}

}  // namespace

std::optional<ComplexityEvidence> measure_complexity(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                                     const fs::path& candidate, const fs::path& scratch,
                                                     const ComplexityOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::optional<package::ScalingFamily> family;
  ComplexityEvidence evidence;
  auto elapsed_ms = [&] {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count());
  };
  auto done = [&]() -> std::optional<ComplexityEvidence> {
    evidence.duration_ms = elapsed_ms();
    return evidence;
  };
  try {
    family = package::read_scaling_family(exercise.root);
  } catch (const UserError& e) {
    evidence.status = SignalStatus::failed;
    evidence.note = e.what();
    return done();
  }
  if (!family) return std::nullopt;
  evidence.repeat = options.repeat.value_or(family->repeat);
  for (std::size_t i = 0; i < family->sizes.size(); ++i) {
    std::error_code ec;
    if (!fs::is_regular_file(family->inputs[i], ec)) {
      evidence.status = SignalStatus::failed;
      evidence.note = family->inputs[i].string() + ": not generated yet (run: proctor exercise generate " +
                      exercise.root.string() + ")";
      return done();
    }
  }

  const fs::path reference = family->reference.empty()
                                 ? package::pick_reference(exercise.submissions, exercise.root)
                                 : family->reference;
  if (reference.empty()) {
    evidence.status = SignalStatus::failed;
    evidence.note = "the package has no accepted reference to compare with";
    return done();
  }
  evidence.reference.solution =
      reference.parent_path().filename().string() + "/" + reference.filename().string();
  evidence.candidate.solution = "submission";
  const fs::path build = scratch / "reference-build";
  fs::create_directories(build);
  const CompileOutcome compiled = compile_for_runs(sandbox, exercise, read_submission(reference), build);
  if (compiled.result.status != CompileStatus::OK) {
    evidence.status = SignalStatus::failed;
    evidence.note = "the reference " + evidence.reference.solution + " does not compile" +
                    (compiled.error.empty() ? "" : ": " + compiled.error);
    return done();
  }

  const fs::path runs = scratch / "scaling-runs";
  fs::create_directories(runs);
  const TestContext candidate_context{&sandbox, &exercise, candidate, {}, runs};
  const TestContext reference_context{&sandbox, &exercise, compiled.binary, {}, runs};
  CurveState cand, ref;
  bool out_of_budget = false;
  for (std::size_t i = 0; i < family->sizes.size(); ++i) {
    const std::uint64_t n = family->sizes[i];
    ScalingPoint cp{n, {}, {}, cand.stopped ? cand.stop_reason : ""};
    ScalingPoint rp{n, {}, {}, ref.stopped ? ref.stop_reason : ""};
    for (unsigned round = 0; round < evidence.repeat; ++round) {
      if (!out_of_budget && elapsed_ms() >= options.budget_ms) {
        out_of_budget = true;
        evidence.note = "time budget of " + std::to_string(options.budget_ms / 1000) +
                        " s spent at n=" + std::to_string(n) + " (" + std::to_string(i) + " of " +
                        std::to_string(family->sizes.size()) + " sizes measured in full)";
        for (CurveState* state : {&cand, &ref}) {
          if (state->stopped) continue;
          state->stopped = true;
          state->stop_reason = "skipped: the pass's time budget was spent";
          if (round == 0) (state == &cand ? cp : rp).failure = state->stop_reason;
        }
      }
      run_scaling_once(candidate_context, family->inputs[i], n, round, options.measure, cand, cp, evidence);
      run_scaling_once(reference_context, family->inputs[i], n, round, options.measure, ref, rp, evidence);
    }
    for (unsigned round = evidence.repeat; elapsed_ms() < options.budget_ms; ++round) {
      const bool more_cand = wants_more_samples(cand, cp), more_ref = wants_more_samples(ref, rp);
      if (!more_cand && !more_ref) break;
      if (more_cand)
        run_scaling_once(candidate_context, family->inputs[i], n, round, options.measure, cand, cp, evidence);
      if (more_ref)
        run_scaling_once(reference_context, family->inputs[i], n, round, options.measure, ref, rp, evidence);
    }
    cand.size_cpu_us = ref.size_cpu_us = 0;
    cand.curve.points.push_back(cp);
    ref.curve.points.push_back(rp);
    if (i + 1 < family->sizes.size()) {
      predict_next(cand, n, family->sizes[i + 1], exercise.limits.time_ms);
      predict_next(ref, n, family->sizes[i + 1], exercise.limits.time_ms);
    }
  }
  const std::vector<SizedCost> cand_costs = least_costs(cand.curve), ref_costs = least_costs(ref.curve);
  // Both programs pay the same launch: neither curve's start-up term may exceed the cheapest run seen.
  std::optional<double> cheapest;
  for (const auto* costs : {&cand_costs, &ref_costs}) {
    for (const SizedCost& c : *costs) cheapest = std::min(cheapest.value_or(c.cost), c.cost);
  }
  cand.curve.fit = fit_growth(cand_costs, cheapest);
  ref.curve.fit = fit_growth(ref_costs, cheapest);
  evidence.candidate.points = std::move(cand.curve.points);
  evidence.candidate.fit = cand.curve.fit;
  evidence.reference.points = std::move(ref.curve.points);
  evidence.reference.fit = ref.curve.fit;
  evidence.sentence = growth_sentence(evidence.candidate.fit, evidence.reference.fit);
  evidence.grows_faster = evidence.candidate.fit && evidence.reference.fit &&
                          grows_faster(*evidence.candidate.fit, *evidence.reference.fit) &&
                          cost_grew_more(cand_costs, ref_costs);
  return done();
}

}  // namespace proctor::runner
