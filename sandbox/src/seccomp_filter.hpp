#pragma once
// Seccomp BPF programs per profile, built with libseccomp once in the parent and only loaded in the
// child (loading is one raw syscall, async-signal-safe).
#include <linux/filter.h>

#include <cstdint>

#include <string>
#include <vector>

#include "proctor/sandbox/policy.hpp"

namespace proctor::sandbox {

// Descriptors the child places at fixed numbers before the filter is loaded. The filter lets the
// child use exactly these (send the listener fd, execveat the binary); they are close-on-exec and
// above the RLIMIT_NOFILE given to the program, so no program can ever own these numbers again.
inline constexpr int kExecFd = 250;
inline constexpr int kReportFd = 251;
inline constexpr int kLandlockFd = 252;
inline constexpr int kMaxChildOpenFiles = 200;
// The empty path the child passes to execveat(kExecFd, kExecEmptyPath, ..., AT_EMPTY_PATH); the filter
// allows exactly this pointer (see allow_launch_handoff).
extern const char kExecEmptyPath[];

// The filter may name the calling process itself (tgkill's first argument must be the program's own
// pid): the parent builds it with this placeholder, which no pid can equal (pid_max is at most 2^22),
// and the child writes its own pid over it, in its own copy, just before loading it.
inline constexpr std::uint32_t kOwnPidPlaceholder = 0x7eadbeefU;

// The profiles whose exit and exit_group go to the supervisor, which reads the program's own memory peak
// (VmHWM) and lets them continue: those whose memory is graded. Exact to the page on Linux 6.2+, where
// a cgroup's peak moves in the memory controller's charge batches of 64 pages (a small program read 0
// or 256 KiB under cgroup v1); one round trip per run (≈ 0.04 ms, docs/performance.md).
inline bool exits_go_to_supervisor(Profile profile) {
  return profile == Profile::program || profile == Profile::checker;
}

class SeccompProgram {
 public:
  // Throws std::runtime_error when libseccomp fails.
  SeccompProgram(Profile profile, unsigned threads);
  const std::vector<sock_filter>& instructions() const { return filter_; }
  // Indices of the instructions whose constant is kOwnPidPlaceholder.
  const std::vector<unsigned short>& own_pid_slots() const { return own_pid_slots_; }

 private:
  std::vector<sock_filter> filter_;
  std::vector<unsigned short> own_pid_slots_;
};

// One run's copy of a program, with the places the child patches; built in the parent.
struct SeccompCopy {
  explicit SeccompCopy(const SeccompProgram& program);
  std::vector<sock_filter> filter;
  sock_fprog fprog{};
  const std::vector<unsigned short>* own_pid_slots;
};

// "clone", or "i386:open" for another architecture's syscall (int 0x80), "x32:open" for x32.
std::string syscall_name(unsigned arch, int nr);

}  // namespace proctor::sandbox
