#pragma once
// Runs one test: the program in the program profile on the test's input, then the checker.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "proctor/runner/exercise.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

struct TestOutcome {
  std::string verdict = "skipped";  // AC WA TLE MLE RTE OLE SV JE, or "skipped"
  std::uint64_t time_ms = 0, wall_ms = 0, memory_kb = 0;
  std::optional<int> exit_code, signal;
  std::optional<std::string> violation;
  std::string message;
  std::optional<std::string> diff;  // samples only
  sandbox::Layers layers;
};

struct TestContext {
  sandbox::Sandbox* sandbox = nullptr;
  const Exercise* exercise = nullptr;
  std::filesystem::path program;
  std::filesystem::path validator;  // custom checker binary, if any
  std::filesystem::path scratch;    // private directory for this run's files
};

TestOutcome run_test(const TestContext& context, const TestCase& test, std::size_t index);

}  // namespace proctor::runner
