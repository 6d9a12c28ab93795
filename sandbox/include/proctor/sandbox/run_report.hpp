#pragma once
// What one run did, measured by the kernel, and how it was isolated.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proctor::sandbox {

enum class Status {
  ok,   // exited with status 0 inside every limit
  tle,  // CPU or wall time limit
  mle,  // memory limit (cgroup OOM/failcnt, or exec/stack failure for lack of memory)
  rte,  // non-zero exit or killed by a signal
  ole,  // wrote more than the output limit
  sv,   // called a forbidden system call (named in `violation`)
  je,   // the judge failed; never the candidate's fault (see `error`)
};

const char* to_string(Status status);  // "OK", "TLE", "MLE", "RTE", "OLE", "SV", "JE"
std::optional<Status> status_from_string(std::string_view text);

// Which isolation layers were really active for this run (never what was merely requested).
struct Layers {
  bool seccomp = false;
  int landlock_abi = 0;                 // 0: Landlock not applied
  std::vector<std::string> namespaces;  // e.g. {"user","mount","net","ipc","uts"}
  std::string cgroup = "none";          // "v2", "v1" or "none"
  std::string memory_limit = "none";    // "cgroup-v2", "cgroup-v1" or "rlimit-as"
  // Where memory_kb came from: "vmhwm" (the program's own high-water mark, read by the supervisor at
  // its exit or before a limit kill: every program and checker run that got that far), "cgroup-v2"/
  // "cgroup-v1" (the run's cgroup: a crash, or a compile), "rusage" (wait4's ru_maxrss, which also
  // holds the launcher's pages: a crash without a cgroup that keeps a peak), "image" (the binary's
  // loaded size: larger than the limit, it never ran), "none" (the run never started).
  std::string memory_peak = "none";
  std::string process_limit = "none";  // "cgroup-pids", "rlimit-nproc" or "seccomp" (no fork at all)
  bool privileges_dropped = false;     // ran under an unprivileged uid/gid
  bool insecure = false;               // ran although the file system could not be confined
};

// The cost asked for with Policy::cost, and which measure really gave it.
struct Cost {
  enum class Unit {
    instructions,   // user-space instructions retired by the program and its threads
    task_clock_ns,  // CPU nanoseconds counted by the kernel's per-task clock (user + system)
    cpu_time_us,    // user + system CPU microseconds from wait4 (the fallback)
  };
  Unit unit = Unit::cpu_time_us;
  std::uint64_t value = 0;
  // Why the measure asked for was not used (empty when it was), e.g. "perf_event_open: No such file
  // or directory (this machine has no hardware PMU)".
  std::string fallback_reason;
};

const char* to_string(Cost::Unit unit);  // "instructions", "task-clock-ns", "cpu-time-us"

// The one home of the conversion from a measured time to whole milliseconds: floored, so a run of
// 0.9 ms is 0 ms, and a time over a limit in milliseconds is over it by a whole millisecond.
constexpr std::uint64_t whole_ms(std::uint64_t us) {
  return us / 1000;
}

struct RunReport {
  Status status = Status::je;
  std::uint64_t cpu_us = 0;   // user + system, all threads and waited-for children
  std::uint64_t wall_us = 0;  // from the launch to the reaping, on the monotonic clock
  std::uint64_t cpu_ms() const { return whole_ms(cpu_us); }
  std::uint64_t wall_ms() const { return whole_ms(wall_us); }
  std::uint64_t memory_kb = 0;           // peak resident memory; where it was read from: layers.memory_peak
  std::optional<int> exit_code;          // set when the process exited
  std::optional<int> signal;             // set when the process was killed by a signal
  std::optional<std::string> violation;  // forbidden syscall name, e.g. "clone" or "i386:open"
  std::optional<std::string> limit;      // which limit fired: "cpu", "wall", "memory", "output", "processes"
  std::uint64_t stdout_bytes = 0;
  std::uint64_t stderr_bytes = 0;
  std::string error;  // for JE: what failed in the judge
  Layers layers;
  std::optional<Cost> cost;  // only when Policy::cost asked for one
};

nlohmann::json to_json(const Layers& layers);
nlohmann::json to_json(const Cost& cost);
nlohmann::json to_json(const RunReport& report);

}  // namespace proctor::sandbox
