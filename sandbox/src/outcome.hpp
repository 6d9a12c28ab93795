#pragma once
// From the raw facts of a finished run to its status and the limit that fired. Pure, so it is
// unit-tested without processes.
#include <cstdint>
#include <optional>
#include <string>

#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {

enum class KilledFor { nothing, cpu, wall, violation };

struct RawFacts {
  // How it ended (from wait4).
  std::optional<int> exit_code;
  std::optional<int> signal;
  std::uint64_t cpu_us = 0;  // user + system: the sum of wait4's two, or the cgroup's total if larger
  std::uint64_t wall_us = 0;
  std::uint64_t max_rss_kb = 0;
  // What the supervisor did and saw.
  KilledFor killed_for = KilledFor::nothing;
  std::optional<std::string> violation;
  // Child setup failure: the stage that failed and its errno (exec failing with ENOMEM is MLE).
  std::optional<std::string> setup_failure;
  int setup_errno = 0;
  bool setup_failed_at_exec = false;
  // Memory.
  bool memory_cgroup = false;
  bool oom_killed = false;
  bool hit_memory_max = false;
  std::uint64_t memory_limit_kb = 0;
  // Output and tasks.
  std::uint64_t stdout_bytes = 0, stderr_bytes = 0, output_limit_bytes = 0;
  // The profile may write files (compile, checker): RLIMIT_FSIZE can then fire on a file whose size
  // the sandbox does not measure, so SIGXFSZ is the only trace. A program writes only its measured
  // stdout/stderr, so for it SIGXFSZ alone proves nothing (it can raise the signal itself).
  bool writes_files = false;
  bool pids_limited = false;
  // Limits.
  std::uint64_t cpu_limit_ms = 0, wall_limit_ms = 0;
};

struct Outcome {
  Status status = Status::je;
  std::optional<std::string> limit;
  std::string error;
};

Outcome classify(const RawFacts& facts);

}  // namespace proctor::sandbox
