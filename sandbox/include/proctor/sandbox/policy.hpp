#pragma once
// What to run and under which rules. A Policy is a plain value: the sandbox never keeps one after run().
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace proctor::sandbox {

// The profile decides the seccomp allowlist and the Landlock ruleset.
enum class Profile {
  program,  // the candidate's static binary: stdio on fds 0-2, memory, time, signals, exit; no files
  compile,  // gcc and its children: fork/exec, read the toolchain, read/write only the work directory
  checker,  // an output validator: reads the files named in `readable`, writes only the work directory
  // A submission rebuilt with -fsanitize=address,undefined (docs/signals.md): dynamically linked, so it
  // reads the shared libraries and the loader's cache; reads its own /proc/self (the runtimes read
  // maps, environ, cmdline, exe); LeakSanitizer's tracer (a clone sharing its memory) may ptrace the
  // program itself and nothing else. No work directory, no file written. Needs a memory cgroup: the
  // shadow memory is a reservation of terabytes that RLIMIT_AS would refuse.
  sanitizer,
};

// Compile and checker runs get a private work directory they may write; the others write no file.
constexpr bool has_work_dir(Profile profile) {
  return profile == Profile::compile || profile == Profile::checker;
}

const char* to_string(Profile profile);
std::optional<Profile> profile_from_string(const std::string& name);

enum class Namespaces {
  automatic,  // the profile's default: off for `program` (seccomp+Landlock cover it, and they cost ~1 ms), on otherwise
  on,         // user (when not root), mount, ipc, uts, net; fail the run if the machine refuses them
  off,
};

struct Limits {
  std::uint64_t cpu_ms = 1000;                 // summed over every thread and process of the run
  std::optional<std::uint64_t> wall_ms;        // default: default_wall_ms(cpu_ms)
  std::uint64_t memory_kb = 256 * 1024;        // peak of the whole process tree; also the stack limit
  std::uint64_t output_bytes = 64 * 1024 * 1024;  // per stream (stdout, stderr) and per file written
  unsigned threads = 0;                        // extra threads the program may start (program profile)
  unsigned processes = 64;                     // tasks (processes + threads) for compile/checker
  unsigned open_files = 64;

  std::uint64_t effective_wall_ms() const;
};

// The wall-clock limit when none is given: room for a loaded machine, never unbounded. The one home of
// this rule (the runner reports the same figure in results).
constexpr std::uint64_t default_wall_ms(std::uint64_t cpu_ms) { return 3 * cpu_ms + 1000; }

inline std::uint64_t Limits::effective_wall_ms() const { return wall_ms ? *wall_ms : default_wall_ms(cpu_ms); }

// An optional cost of the run, for comparing runs of one program on inputs of growing size (complexity
// evidence). Counters are opened by the child before its filter, enabled at exec, follow its threads,
// and are read by the supervisor only: the program never holds them and may not call perf_event_open
// or prctl (which could switch them off). Program profile only; other profiles ignore it.
enum class CostMeasure {
  none,
  instructions,  // user-space instructions retired (hardware PMU); CPU time where the machine has none
  task_clock,    // the kernel's per-task CPU clock through the same counter path (every Linux has it)
};

struct Policy {
  Profile profile = Profile::program;
  std::vector<std::string> argv;  // argv[0] is the executable (absolute, or found in the fixed PATH)
  Limits limits;

  // Files the sandbox opens in the parent and hands over as fds 0, 1, 2. Empty: /dev/null for stdin;
  // for stdout/stderr a private temporary file, removed after the run (its size is still reported).
  std::filesystem::path stdin_path;
  std::filesystem::path stdout_path;
  std::filesystem::path stderr_path;

  // Working directory; for compile and checker profiles the only writable place. Empty: a private
  // empty temporary directory that is removed after the run.
  std::filesystem::path work_dir;
  std::vector<std::filesystem::path> readable;  // extra read-only files or directories
  std::vector<std::filesystem::path> writable;  // extra read-write files or directories
  // Files only this run may read (copies the caller made for it, such as a validator's answer file,
  // created private, mode 0600): readable through Landlock, and handed to the run's own user when the
  // sandbox drops privileges. Never name a file that is not the caller's own copy.
  std::vector<std::filesystem::path> private_inputs;

  // Added to the clean environment (PATH=/usr/bin:/bin, LANG=C.UTF-8, and for `compile` TMPDIR=work_dir).
  std::vector<std::pair<std::string, std::string>> env;

  Namespaces namespaces = Namespaces::automatic;
  CostMeasure cost = CostMeasure::none;
  // Run even when neither Landlock nor a mount namespace can confine the file system (recorded).
  bool insecure = false;
};

}  // namespace proctor::sandbox
