// The program never learns a path: the runner opens the input and hands it over as stdin, and the
// output lands in a file the runner created. Secret tests report only verdicts and measurements.
#include "execute/test_run.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "execute/excerpt.hpp"
#include "fs/private_copy.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/checker.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"
#include "text/units.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev ? std::string("SIG") + abbrev : std::to_string(sig);
}

// "CPU time 1012 ms exceeded the limit of 1000 ms", or, when the figure measured after the kill reads
// under the limit (the supervisor stopped the program at it), "stopped at the CPU time limit of 1000
// ms (measured 999 ms)".
std::string limit_message(const std::string& what, std::uint64_t measured, std::uint64_t limit,
                          std::string (*format)(std::uint64_t)) {
  if (measured > limit) return what + " " + format(measured) + " exceeded the limit of " + format(limit);
  return "stopped at the " + what + " limit of " + format(limit) + " (measured " + format(measured) + ")";
}

std::string head_of(const fs::path& file, std::size_t limit) {
  return proctor::fs::read_prefix(file, limit).bytes;
}

CheckResult run_custom_checker(const TestContext& c, const TestCase& test, const fs::path& output,
                               const fs::path& dir) {
  // The validator runs as the run's own user: give it private copies (mode 0600, handed to that user by
  // the sandbox; a secret answer is never readable by other local users), and a feedback directory. The
  // program's output reaches it as stdin, a descriptor the runner opened.
  const fs::path input = dir / "input", answer = dir / "answer", feedback = dir / "feedback";
  proctor::fs::private_copy(test.input, input);
  proctor::fs::private_copy(test.answer, answer);
  fs::create_directories(feedback);
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::checker;
  policy.argv = {c.validator.string(), input.string(), answer.string(), feedback.string() + "/"};
  const std::vector<std::string>& args = checker_for(*c.exercise, test).args;  // the group's flags
  policy.argv.insert(policy.argv.end(), args.begin(), args.end());
  policy.stdin_path = output;
  policy.stdout_path = dir / "validator.out";
  policy.stderr_path = dir / "validator.err";
  policy.work_dir = feedback;
  policy.private_inputs = {input, answer};
  policy.limits.cpu_ms = 10'000;
  policy.limits.wall_ms = 20'000;
  policy.limits.memory_kb = 1024 * 1024;
  policy.limits.output_bytes = 1 << 20;
  policy.limits.processes = 1;
  sandbox::RunReport r = c.sandbox->run(policy);
  CheckResult result;
  std::string message = head_of(feedback / "judgemessage.txt", 4096);
  if (r.exit_code == 42 && !r.signal) {
    result.verdict = CheckVerdict::accepted;
  } else if (r.exit_code == 43 && !r.signal) {
    result.verdict = CheckVerdict::wrong_answer;
  } else {
    result.verdict = CheckVerdict::judge_error;
    message = "output validator failed (" + std::string(sandbox::to_string(r.status)) +
              (r.exit_code ? ", exit code " + std::to_string(*r.exit_code) : "") + ") " + r.error + " " +
              head_of(dir / "validator.err", 1000);
  }
  result.message = message;
  return result;
}

}  // namespace

std::uint64_t wall_limit_ms(const ExerciseLimits& limits) {
  return limits.wall_ms.value_or(sandbox::default_wall_ms(limits.time_ms));
}

Verdict verdict_of(sandbox::Status status) {
  switch (status) {
    case sandbox::Status::ok:
      return Verdict::AC;
    case sandbox::Status::tle:
      return Verdict::TLE;
    case sandbox::Status::mle:
      return Verdict::MLE;
    case sandbox::Status::rte:
      return Verdict::RTE;
    case sandbox::Status::ole:
      return Verdict::OLE;
    case sandbox::Status::sv:
      return Verdict::SV;
    case sandbox::Status::je:
      return Verdict::JE;
  }
  return Verdict::JE;
}

std::string run_message(const sandbox::RunReport& r, const ExerciseLimits& limits) {
  using sandbox::Status;
  switch (r.status) {
    case Status::tle:
      return r.limit == "wall"
                 ? limit_message("wall time", r.wall_ms(), wall_limit_ms(limits), text::format_time_ms)
                 : limit_message("CPU time", r.cpu_ms(), limits.time_ms, text::format_time_ms);
    case Status::mle:
      // The image alone did not fit (the sandbox refused it before it ran): nothing was measured.
      if (r.memory_kb == 0)
        return "the program does not fit in the memory limit of " +
               text::format_memory_kb(limits.memory_mb * 1024);
      return limit_message("memory", r.memory_kb, limits.memory_mb * 1024, text::format_memory_kb);
    case Status::ole:
      return "output limit of " + text::format_memory_kb(limits.output_kb) + " exceeded";
    case Status::sv:
      return "forbidden system call: " + r.violation.value_or("?");
    case Status::rte:
      if (r.signal) return "killed by signal " + signal_name(*r.signal);
      return "exit code " + std::to_string(r.exit_code.value_or(-1));
    case Status::je:
      return "judge error: " + r.error;
    case Status::ok:
      return "";
  }
  return "";
}

void ProgramRun::remove_outputs() const {
  std::error_code ec;
  fs::remove(stdout_path, ec);
  fs::remove(stderr_path, ec);
}

ProgramRun run_program(const TestContext& c, const fs::path& input, const std::string& stem,
                       sandbox::CostMeasure cost) {
  const ExerciseLimits& limits = c.exercise->limits;
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::program;
  policy.argv = {c.program.string()};
  policy.limits.cpu_ms = limits.time_ms;
  policy.limits.wall_ms = limits.wall_ms;
  policy.limits.memory_kb = limits.memory_mb * 1024;
  policy.limits.output_bytes = limits.output_kb * 1024;
  policy.stdin_path = input;
  policy.stdout_path = c.scratch / (stem + ".out");
  policy.stderr_path = c.scratch / (stem + ".err");
  policy.cost = cost;
  ProgramRun run;
  run.stdout_path = policy.stdout_path;
  run.stderr_path = policy.stderr_path;
  run.report = c.sandbox->run(policy);
  return run;
}

TestResult skipped_test(const TestCase& test) {
  TestResult t;
  t.name = test.name;
  t.group = test.group;
  t.visibility = test.visibility;
  t.description = test.description;
  return t;
}

TestOutcome run_test(const TestContext& c, const TestCase& test, std::size_t index) {
  const Exercise& e = *c.exercise;
  // Output files sit directly in the private scratch directory: no per-test directory to create and
  // remove (custom validators get one, below).
  const std::string stem = "test-" + std::to_string(index);
  const fs::path dir = c.scratch / stem;
  const ProgramRun program = run_program(c, test.input, stem);
  const sandbox::RunReport& r = program.report;

  TestOutcome run;
  run.layers = r.layers;
  TestResult& out = run.result;
  out = skipped_test(test);
  copy_measures(r, out);
  out.verdict = verdict_of(r.status);
  out.message = run_message(r, e.limits);
  const bool sample = test.visibility == Visibility::sample;
  if (r.status == sandbox::Status::ok) {
    const std::size_t limit = e.limits.output_kb * 1024 + 1;
    CheckResult check;
    if (e.checker.type == "custom") {
      fs::create_directories(dir);
      fs::permissions(dir, fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
      check = run_custom_checker(c, test, program.stdout_path, dir);
    } else {
      check = check_builtin(checker_for(e, test), head_of(test.answer, 256u << 20),
                            head_of(program.stdout_path, limit));
    }
    if (check.verdict == CheckVerdict::accepted) {
      out.verdict = Verdict::AC;
      out.message = sample ? check.message : "";
    } else if (check.verdict == CheckVerdict::wrong_answer) {
      out.verdict = Verdict::WA;
      // The checker's words quote expected and actual tokens: fine for a sample, a leak for a secret.
      out.message = sample ? check.message : "wrong answer";
      if (sample)
        out.diff = sample_diff(head_of(test.answer, 1 << 20), head_of(program.stdout_path, 1 << 20));
    } else {
      out.verdict = Verdict::JE;
      out.message = "checker failed: " + check.message;
    }
  }
  // A failing sample shows what the candidate needs to see why; a secret test never shows its data.
  if (sample && out.verdict != Verdict::AC) {
    out.input = first_lines_of_file(test.input, kInputExcerptLines, kExcerptBytes);
    out.stdout_excerpt = excerpt_of_file(program.stdout_path, kExcerptBytes);
    out.stderr_excerpt = excerpt_of_file(program.stderr_path, kExcerptBytes);
  }
  program.remove_outputs();
  std::error_code ec;
  if (e.checker.type == "custom") fs::remove_all(dir, ec);
  return run;
}

}  // namespace proctor::runner
