// grade(): compile, run the selected tests in parallel (each measured on its own), check, and build
// the typed result. The overall verdict is decided by overall_verdict() (result.cpp).
#include "proctor/runner/grade.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include "execute/compile.hpp"
#include "execute/submission.hpp"
#include "execute/test_run.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "signals/collect.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {
namespace {

std::vector<TestOutcome> run_all(const TestContext& context, const std::vector<TestCase>& tests,
                                 const GradeOptions& options) {
  std::vector<TestOutcome> outcomes(tests.size());
  for (std::size_t i = 0; i < tests.size(); ++i) outcomes[i].result = skipped_test(tests[i]);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= tests.size() || stop) return;
      outcomes[i] = run_test(context, tests[i], i);
      const Verdict verdict = outcomes[i].result.verdict;
      if (options.fail_fast && verdict != Verdict::AC) stop = true;
      std::lock_guard lock(progress_mutex);
      ++done;
      if (options.on_progress) options.on_progress({done, tests.size(), tests[i].name, verdict});
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, tests.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return outcomes;
}

// How much a test's memory figure can be trusted (sandbox::Layers::memory_peak): the program's own
// peak, then a cgroup's (charged in batches of 64 pages), then ru_maxrss (holds the launcher's pages).
int memory_measure_strength(const std::string& measure) {
  if (measure == "vmhwm") return 2;
  return measure == "rusage" ? 0 : 1;
}

}  // namespace

GradeResult result_frame(const Exercise& exercise, const std::vector<TestCase>& tests) {
  GradeResult r;
  r.exercise = {exercise.id, exercise.title,
                std::filesystem::absolute(exercise.root).lexically_normal().string(),
                package_sha256(exercise)};
  r.score.total = tests.size();
  for (const TestCase& t : tests) r.score.max_points += t.points;
  r.limits = {exercise.limits.time_ms, wall_limit_ms(exercise.limits), exercise.limits.memory_mb,
              exercise.limits.output_kb};
  r.runner.version = PROCTOR_VERSION;
  return r;
}

GradeResult grade(sandbox::Sandbox& sandbox, const Exercise& exercise,
                  const std::filesystem::path& submission_path, const GradeOptions& options) {
  const Instant started = now_ms();
  Submission submission = read_submission(submission_path, options.submission_name);
  if (options.tests == TestSelection::all && !exercise.secrets_loaded) {
    throw InternalError("grading all tests needs the package loaded with its secret tests");
  }
  std::vector<TestCase> tests = exercise.samples;
  if (options.tests == TestSelection::all)
    tests.insert(tests.end(), exercise.secrets.begin(), exercise.secrets.end());

  GradeResult result = result_frame(exercise, tests);
  result.started_at = started;
  result.submission = {std::filesystem::absolute(submission.path).lexically_normal().string(),
                       submission.sha256, submission.source.size()};

  sandbox::TempDir build("proctor-grade");
  CompileOutcome compiled = compile_for_runs(sandbox, exercise, submission, build.path());
  result.compile = compiled.result;

  TestContext context{&sandbox, &exercise, compiled.binary, {}, build.path() / "tests"};
  std::filesystem::create_directories(context.scratch);
  const bool compiled_ok = compiled.result.status == CompileStatus::OK;
  std::string judge_error = compiled.result.status == CompileStatus::JE ? compiled.error : "";
  if (compiled_ok && exercise.checker.type == "custom") {
    CompileOutcome validator = compile_validator(sandbox, exercise.checker.custom_dir, build.path());
    if (validator.result.status != CompileStatus::OK) {
      judge_error = "the output validator does not compile: " +
                    validator.result.output.substr(0, text::utf8_cut(validator.result.output, 2000)) +
                    validator.error;
    }
    context.validator = validator.binary;
  }
  std::vector<TestOutcome> outcomes;
  if (compiled_ok && judge_error.empty()) {
    outcomes = run_all(context, tests, options);
  } else {
    for (const TestCase& t : tests) outcomes.push_back({skipped_test(t), {}});
  }

  bool ran = false;
  for (const TestOutcome& o : outcomes) {
    result.tests.push_back(o.result);
    if (o.result.verdict == Verdict::AC) {
      ++result.score.passed;
      result.score.points += tests[result.tests.size() - 1].points;
    }
    if (o.result.verdict != Verdict::skipped && !ran) {
      result.layers = o.layers;  // the first run's layers stand for all (every run uses the same)
      ran = true;
    } else if (o.result.verdict != Verdict::skipped &&
               memory_measure_strength(o.layers.memory_peak) <
                   memory_measure_strength(result.layers.memory_peak)) {
      // Except the memory measure, which a crash can weaken for its own run: the weakest one used.
      result.layers.memory_peak = o.layers.memory_peak;
    }
  }
  // Nothing ran: say what this machine would have used.
  if (!ran) result.layers = sandbox.planned_layers();
  if (!judge_error.empty()) result.error = judge_error;
  result.verdict = overall_verdict(compiled.result.status, !judge_error.empty(), result.tests);
  result.runner.compiler = compiler_version(sandbox, build.path());
  if (options.signals) {
    // After the verdict is decided: the passes read the result and never change it.
    result.signals = collect_signals({&sandbox, &exercise, &submission, &tests, &result,
                                      compiled_ok ? compiled.binary : "", build.path() / "signals"});
  }
  result.finished_at = now_ms();
  return result;
}

}  // namespace proctor::runner
