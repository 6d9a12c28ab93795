#pragma once
// Compiles a submission with gcc in the sandbox's compile profile, in private directories.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "execute/submission.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

class HarnessCache;

struct CompileOutcome {
  CompileResult result;          // what the result document shows (status, command, output, warnings)
  std::filesystem::path binary;  // a runner-owned copy of the linked program (status OK)
  std::string error;             // why, for JE
  bool harness_from_cache = false;
};

inline constexpr std::size_t kMaxDiagnosticsBytes = 64 * 1024;

// `build_dir` is a private directory (mode 0711) owned by the runner; everything goes below it. For a
// function exercise the compiled harness comes from `cache` when it holds it, and goes into it when not.
CompileOutcome compile_submission(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                  const Submission& submission, const std::filesystem::path& build_dir,
                                  const HarnessCache* cache = nullptr);

// compile_submission with the harness cache a function exercise uses (the default one), the way every
// run of a submission compiles it.
CompileOutcome compile_for_runs(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                const Submission& submission, const std::filesystem::path& build_dir);

// Compiles a validator (C or C++ sources in `sources`; only the files named in `only` when it is not
// empty, for one-file validators side by side) into `build_dir`/validator-bin/validator.
CompileOutcome compile_validator(sandbox::Sandbox& sandbox, const std::filesystem::path& sources,
                                 const std::filesystem::path& build_dir,
                                 const std::vector<std::filesystem::path>& only = {});

// "gcc 12.2.0": the compiler that compiles submissions, asked once per process through the sandbox.
std::string compiler_version(sandbox::Sandbox& sandbox, const std::filesystem::path& scratch);

// --- Building blocks, shared with the signal passes (runner/src/signals/) ---

struct GccLimits {
  std::uint64_t cpu_ms = 10'000, wall_ms = 20'000, memory_kb = 1024 * 1024;
};

struct Step {
  sandbox::RunReport report;
  std::string diagnostics;  // the compiler's stderr, bounded (kMaxDiagnosticsBytes)
};

// One gcc (or other toolchain) command in the compile profile, working in `work_dir`; stderr goes to
// `diag_file`.
Step run_gcc(sandbox::Sandbox& sandbox, const std::filesystem::path& work_dir,
             const std::filesystem::path& diag_file, std::vector<std::string> argv,
             const GccLimits& limits = {});

// "gcc -std=... <the exercise's flags or -O2 -pipe -Wall -Wextra> -static".
std::vector<std::string> base_flags(const Exercise& exercise);

// Copies the exercise's headers (and with `with_sources`, its .c files) from `from` into `to`.
void copy_headers(const std::filesystem::path& from, const std::filesystem::path& to, bool with_sources);

std::filesystem::path make_dir(const std::filesystem::path& dir);
void write_text(const std::filesystem::path& file, const std::string& text);

// Writes the submission's private copy below `dir` (which the runner made) under compile_name,
// making the directories that name has, and returns the name: the compiler is given it relative to
// `dir`, so its messages, the program's __FILE__ and the debug information name the file as the
// candidate knows it, with no #line rewriting of the source (line numbers are the file's own).
std::string write_submission_copy(const std::filesystem::path& dir, const Exercise& exercise,
                                  const Submission& submission);

// Copies a file the sandbox produced into one the runner owns, refusing links and special files.
// Throws UserError when there is none or it is not a regular file of sane size.
void take_binary(const std::filesystem::path& produced, const std::filesystem::path& target);

// Diagnostics as a result may show them: at most `limit` bytes, cut on a UTF-8 character boundary, and
// a note saying how much was cut.
std::string read_diagnostics(const std::filesystem::path& file, std::size_t limit);

}  // namespace proctor::runner
