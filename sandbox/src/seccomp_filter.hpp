#pragma once
// Seccomp BPF programs per profile, built with libseccomp once in the parent and only loaded in the
// child (loading is one raw syscall, async-signal-safe).
#include <linux/filter.h>

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

class SeccompProgram {
 public:
  // Throws std::runtime_error when libseccomp fails.
  SeccompProgram(Profile profile, unsigned threads);
  const sock_fprog* program() const { return &fprog_; }

 private:
  std::vector<sock_filter> filter_;
  sock_fprog fprog_{};
};

// "clone", or "i386:open" for another architecture's syscall (int 0x80), "x32:open" for x32.
std::string syscall_name(unsigned arch, int nr);

}  // namespace proctor::sandbox
