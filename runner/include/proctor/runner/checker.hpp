#pragma once
// Output checkers. The built-in ones are pure functions of (answer, output); the custom one runs an
// output validator in the sandbox's checker profile (Kattis protocol: exit 42 = AC, 43 = WA).
#include <filesystem>
#include <string>

#include "proctor/runner/exercise.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

enum class CheckVerdict { accepted, wrong_answer, judge_error };

struct CheckResult {
  CheckVerdict verdict = CheckVerdict::judge_error;
  std::string message;  // short reason, e.g. "token 3: expected 42, got 41"; validator feedback for custom
};

// Built-in checkers on in-memory text. Throws UserError for an unknown checker type.
CheckResult check_builtin(const CheckerSpec& spec, const std::string& answer, const std::string& output);

// A readable diff for a failing sample: first differing line, expected vs got, whitespace made visible.
std::string sample_diff(const std::string& expected, const std::string& got);

}  // namespace proctor::runner
