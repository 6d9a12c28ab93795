#pragma once
// Compiles a submission with gcc in the sandbox's compile profile, in private directories.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "grade/diagnostics.hpp"
#include "grade/submission.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

struct CompileOutcome {
  std::string status = "JE";  // "OK", "CE" or "JE"
  std::uint64_t duration_ms = 0;
  std::vector<std::string> command;  // how the submission itself was compiled
  std::string output;                // diagnostics, at most 64 KiB plus a truncation note
  std::vector<Warning> warnings;
  std::filesystem::path binary;  // a runner-owned copy of the linked program (status OK)
  std::string error;             // why, for JE
};

inline constexpr std::size_t kMaxDiagnosticsBytes = 64 * 1024;

// `build_dir` is a private directory (mode 0711) owned by the runner; everything goes below it.
CompileOutcome compile_submission(sandbox::Sandbox& sandbox, const Exercise& exercise, const Submission& submission,
                                  const std::filesystem::path& build_dir);

// Compiles an output validator (C or C++ sources in `sources`) into `build_dir`/validator.
CompileOutcome compile_validator(sandbox::Sandbox& sandbox, const std::filesystem::path& sources,
                                 const std::filesystem::path& build_dir);

// The first `limit` bytes of a file, opened without following links; a note says how much was cut.
std::string read_bounded(const std::filesystem::path& file, std::size_t limit);

}  // namespace proctor::runner
