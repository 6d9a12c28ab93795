#pragma once
// Errors that reach the person: one line naming the file and the problem, and a documented exit code.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace proctor::runner {

// Exit codes shared by every command (README "Exit codes").
enum ExitCode : int {
  kExitOk = 0,        // success; for grading: accepted
  kExitNotOk = 1,     // the command worked but the outcome is negative (not AC, run not OK, late submit)
  kExitBadInput = 2,  // bad usage, bad package, bad submission, bad session
  kExitInternal = 3,  // Proctor itself failed (judge error)
};

// Bad input from the user: a package, a submission, a session, a flag. Never a crash.
class UserError : public std::runtime_error {
 public:
  UserError(const std::filesystem::path& file, const std::string& problem)
      : std::runtime_error(file.empty() ? problem : file.string() + ": " + problem) {}
  explicit UserError(const std::string& problem) : std::runtime_error(problem) {}
};

// Proctor's own failure (exit code 3).
class InternalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace proctor::runner
