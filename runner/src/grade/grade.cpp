// grade(): compile, run the selected tests in parallel (each measured on its own), check, and build
// the result document. The overall verdict is CE or JE, else the first non-AC verdict in test order
// (samples first), else AC.
#include "proctor/runner/grade.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include "grade/compile.hpp"
#include "grade/submission.hpp"
#include "grade/test_run.hpp"
#include "grade/timestamp.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"

namespace proctor::runner {
namespace {

using nlohmann::json;

json optional_json(const auto& value) { return value ? json(*value) : json(nullptr); }

json test_json(const TestCase& test, const TestOutcome& o) {
  json j = {{"name", test.name},
            {"group", test.group},
            {"visibility", test.visibility == Visibility::sample ? "sample" : "secret"},
            {"verdict", o.verdict},
            {"time_ms", o.time_ms},
            {"wall_ms", o.wall_ms},
            {"memory_kb", o.memory_kb},
            {"exit_code", optional_json(o.exit_code)},
            {"signal", optional_json(o.signal)},
            {"violation", optional_json(o.violation)},
            {"message", o.message}};
  if (test.visibility == Visibility::sample && o.diff) j["diff"] = *o.diff;
  return j;
}

// The version of the gcc that compiles submissions, asked once per process through the sandbox like
// every other child (compile profile: it reads only the toolchain).
std::string compiler_version(sandbox::Sandbox& sandbox, const std::filesystem::path& scratch) {
  static std::mutex mutex;
  static std::string version;
  std::lock_guard lock(mutex);
  if (!version.empty()) return version;
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::compile;
  policy.argv = {"gcc", "-dumpfullversion"};
  policy.limits.cpu_ms = 5000;
  policy.limits.memory_kb = 512 * 1024;
  policy.stdout_path = scratch / "gcc-version.txt";
  sandbox::RunReport r = sandbox.run(policy);
  std::string v = r.status == sandbox::Status::ok ? read_bounded(policy.stdout_path, 64) : "";
  while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.pop_back();
  version = v.empty() ? "gcc (version unknown)" : "gcc " + v;
  return version;
}

std::vector<TestOutcome> run_all(const TestContext& context, const std::vector<TestCase>& tests,
                                 const GradeOptions& options) {
  std::vector<TestOutcome> outcomes(tests.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= tests.size() || stop) return;
      outcomes[i] = run_test(context, tests[i], i);
      if (options.fail_fast && outcomes[i].verdict != "AC") stop = true;
      std::lock_guard lock(progress_mutex);
      ++done;
      if (options.on_progress) options.on_progress({done, tests.size(), tests[i].name, outcomes[i].verdict});
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

}  // namespace

json grade(sandbox::Sandbox& sandbox, const Exercise& exercise, const std::filesystem::path& submission_path,
           const GradeOptions& options) {
  const auto started = std::chrono::system_clock::now();
  Submission submission = read_submission(submission_path);
  if (options.tests == TestSelection::all && !exercise.secrets_loaded) {
    throw InternalError("grading all tests needs the package loaded with its secret tests");
  }
  std::vector<TestCase> tests = exercise.samples;
  if (options.tests == TestSelection::all) tests.insert(tests.end(), exercise.secrets.begin(), exercise.secrets.end());

  sandbox::TempDir build("proctor-grade");
  CompileOutcome compiled = compile_submission(sandbox, exercise, submission, build.path());

  TestContext context{&sandbox, &exercise, compiled.binary, {}, build.path() / "tests"};
  std::filesystem::create_directories(context.scratch);
  std::string judge_error = compiled.status == "JE" ? compiled.error : "";
  if (compiled.status == "OK" && exercise.checker.type == "custom") {
    CompileOutcome validator = compile_validator(sandbox, exercise.checker.custom_dir, build.path());
    if (validator.status != "OK") {
      judge_error = "the output validator does not compile: " + validator.output.substr(0, 2000) + validator.error;
    }
    context.validator = validator.binary;
  }
  std::vector<TestOutcome> outcomes(tests.size());
  if (compiled.status == "OK" && judge_error.empty()) outcomes = run_all(context, tests, options);

  // Verdict and score.
  std::string verdict = "AC";
  if (compiled.status == "CE") verdict = "CE";
  if (!judge_error.empty()) verdict = "JE";
  json tests_json = json::array();
  std::size_t passed = 0;
  double points = 0, max_points = 0;
  bool any_je = false;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const TestOutcome& o = outcomes[i];
    tests_json.push_back(test_json(tests[i], o));
    max_points += tests[i].points;
    if (o.verdict == "AC") {
      ++passed;
      points += tests[i].points;
    }
    if (o.verdict == "JE") any_je = true;
    if (verdict == "AC" && o.verdict != "AC" && o.verdict != "skipped") verdict = o.verdict;
  }
  if (any_je && verdict != "CE") verdict = "JE";

  json sandbox_layers = nullptr;
  for (const TestOutcome& o : outcomes) {
    if (o.verdict != "skipped") {
      sandbox_layers = sandbox::to_json(o.layers);
      break;
    }
  }
  if (sandbox_layers.is_null()) {
    sandbox::Layers planned;  // nothing ran: say what this machine would have used
    const auto& caps = sandbox.capabilities();
    planned.seccomp = true;
    planned.landlock_abi = caps.landlock_abi;
    planned.cgroup = caps.cgroup;
    planned.memory_limit = caps.cgroup == "none" ? "rlimit-as" : "cgroup-" + caps.cgroup;
    planned.process_limit = "seccomp";
    planned.privileges_dropped = caps.root;
    sandbox_layers = sandbox::to_json(planned);
  }

  json warnings = json::array();
  for (const auto& w : compiled.warnings) {
    warnings.push_back({{"line", w.line}, {"column", w.column}, {"message", w.message}, {"option", optional_json(w.option)}});
  }
  json result = {
      {"schema", "proctor-result/1"},
      {"verdict", verdict},
      {"score", {{"passed", passed}, {"total", tests.size()}, {"points", points}, {"max_points", max_points}}},
      {"exercise",
       {{"id", exercise.id},
        {"title", exercise.title},
        {"path", std::filesystem::absolute(exercise.root).lexically_normal().string()},
        {"sha256", package_sha256(exercise)}}},
      {"submission",
       {{"path", std::filesystem::absolute(submission.path).lexically_normal().string()},
        {"sha256", submission.sha256},
        {"bytes", submission.source.size()}}},
      {"compile",
       {{"status", compiled.status},
        {"duration_ms", compiled.duration_ms},
        {"command", compiled.command},
        {"output", compiled.output},
        {"warnings", warnings}}},
      {"tests", tests_json},
      {"limits",
       {{"time_ms", exercise.limits.time_ms},
        {"wall_ms", exercise.limits.wall_ms.value_or(3 * exercise.limits.time_ms + 1000)},
        {"memory_mb", exercise.limits.memory_mb},
        {"output_kb", exercise.limits.output_kb}}},
      {"sandbox", sandbox_layers},
      {"runner", {{"version", PROCTOR_VERSION}, {"compiler", compiler_version(sandbox, build.path())}}},
      {"started_at", rfc3339(started)},
      {"finished_at", rfc3339(std::chrono::system_clock::now())},
  };
  if (!judge_error.empty()) result["error"] = judge_error;
  return result;
}

}  // namespace proctor::runner
