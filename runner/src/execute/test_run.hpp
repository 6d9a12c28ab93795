#pragma once
// Runs one test: the program in the program profile on the test's input, then the checker.
#include <filesystem>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "proctor/sandbox/policy.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

// The wall-clock limit a run of an exercise gets: its own, else the sandbox's default for its CPU limit.
std::uint64_t wall_limit_ms(const ExerciseLimits& limits);

struct TestOutcome {
  TestResult result;
  sandbox::Layers layers;  // what isolated the run
};

struct TestContext {
  sandbox::Sandbox* sandbox = nullptr;
  const Exercise* exercise = nullptr;
  std::filesystem::path program;
  std::filesystem::path validator;  // custom checker binary, if any
  std::filesystem::path scratch;    // private directory for this run's files
};

// One run of the compiled program on an input, with the exercise's limits. Its stdout and stderr are in
// files of the scratch directory, which the caller removes (remove_outputs).
struct ProgramRun {
  sandbox::RunReport report;
  std::filesystem::path stdout_path, stderr_path;
  void remove_outputs() const;
};
// `cost`: also measure the run's cost (complexity evidence).
ProgramRun run_program(const TestContext& context, const std::filesystem::path& input,
                       const std::string& stem, sandbox::CostMeasure cost = sandbox::CostMeasure::none);

Verdict verdict_of(sandbox::Status status);

// What a run measured, as a test result and a custom run both record it.
template <typename Result>
void copy_measures(const sandbox::RunReport& r, Result& out) {
  out.time = Elapsed::from_us(r.cpu_us);
  out.wall = Elapsed::from_us(r.wall_us);
  out.memory_kb = r.memory_kb;
  out.exit_code = r.exit_code;
  out.signal = r.signal;
  out.violation = r.violation;
}

// What a run that did not end OK means, in words: which limit, measured against what (a limit is never
// said to be exceeded by a figure under it), the signal or the exit code.
std::string run_message(const sandbox::RunReport& report, const ExerciseLimits& limits);

// The test's identity with verdict "skipped": what a test that never ran reports.
TestResult skipped_test(const TestCase& test);

TestOutcome run_test(const TestContext& context, const TestCase& test, std::size_t index);

}  // namespace proctor::runner
