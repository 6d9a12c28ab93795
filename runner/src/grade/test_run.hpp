#pragma once
// Runs one test: the program in the program profile on the test's input, then the checker.
#include <filesystem>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

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

// The test's identity with verdict "skipped": what a test that never ran reports.
TestResult skipped_test(const TestCase& test);

TestOutcome run_test(const TestContext& context, const TestCase& test, std::size_t index);

}  // namespace proctor::runner
