#pragma once
// One run of a submission on the candidate's own input: `proctor practice EXERCISE FILE --input IN`,
// and the interview server's "run my input". The submission is compiled as grading compiles it (for a
// function exercise, linked with the harness, which reads the input as it reads the samples) and runs
// once with the exercise's limits. No answer exists, so nothing is checked: the run is OK when the
// program exits 0 inside every limit.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

inline constexpr std::uint64_t kMaxCustomInputBytes = std::uint64_t{16} << 20;
inline constexpr std::size_t kCustomOutputBytes = 64 * 1024;

struct CustomRunOptions {
  // How much of the program's stdout, and of its stderr, the result keeps (cut like every excerpt).
  std::size_t output_bytes = kCustomOutputBytes;
  // As GradeOptions::submission_name: the name compiler messages give the submission; empty: the path
  // as given.
  std::string submission_name;
};

struct CustomRunResult {
  CompileResult compile;  // status other than OK: nothing ran (`ran` false)
  bool ran = false;
  // How the run ended (sandbox::to_string: "OK", "TLE", "MLE", "RTE", "OLE", "SV", "JE").
  sandbox::Status status = sandbox::Status::je;
  std::string message;  // why it was not OK, e.g. "exit code 3", "stopped at the CPU time limit of ..."
  Elapsed time, wall;   // CPU (user + system) and wall time
  std::uint64_t memory_kb = 0;
  std::optional<int> exit_code, signal;
  std::optional<std::string> violation;
  Excerpt stdout_excerpt, stderr_excerpt;
  std::uint64_t input_bytes = 0;
  LimitsInfo limits;                 // the exercise's, as the run had them
  sandbox::Layers layers;            // really active for the run, or planned when nothing ran
  std::optional<std::string> error;  // Proctor's own failure (compiling or running): never the candidate's
  Instant started_at{}, finished_at{};
};

// Throws UserError for a bad submission (missing, empty, binary, too large) or an input larger than
// kMaxCustomInputBytes, and InternalError when Proctor itself cannot work.
CustomRunResult run_custom_input(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                 const std::filesystem::path& submission, std::string_view input,
                                 const CustomRunOptions& options = {});

// Exit code of a custom run for a command line: 0 OK, 1 compile error or a run that was not OK, 3 when
// Proctor failed (README "Exit codes").
int exit_code_of(const CustomRunResult& result);

}  // namespace proctor::runner
