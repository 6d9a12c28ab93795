#pragma once
// Interview signals after grading (docs/signals.md): every kind of signal is one pass that reads the
// graded result and the submission and never changes the verdict. grade() calls collect_signals when
// GradeOptions::signals asks.
#include <filesystem>
#include <optional>
#include <vector>

#include "execute/submission.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "proctor/runner/signals.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

struct SignalContext {
  sandbox::Sandbox* sandbox = nullptr;
  const Exercise* exercise = nullptr;
  const Submission* submission = nullptr;
  const std::vector<TestCase>* tests = nullptr;  // the graded tests, parallel to result->tests
  const GradeResult* result = nullptr;           // the graded result (compile status, test verdicts)
  std::filesystem::path program;                 // the graded binary (compile status OK), runner-owned
  std::filesystem::path work_dir;                // private to the runner; each pass makes its own below
};

Signals collect_signals(const SignalContext& context);

// The passes, each in its own file.
SanitizerSignal sanitizer_pass(const SignalContext& context);
StaticSignal static_pass(const SignalContext& context);
std::optional<ComplexityEvidence> complexity_pass(const SignalContext& context);  // nullopt: no family

}  // namespace proctor::runner
