// Why not fork: copying the launcher's page tables and the copy-on-write faults that follow cost a
// large process (the runner, with its threads and package data) more than the whole sandbox setup.
// Why not vfork(2) or Boost.Process's vfork launcher: the child would run on the launcher's own stack
// frames, and a signal arriving before it reset the handlers would run the launcher's handler in the
// child, on the launcher's memory. Here the child has its own stack and no signal can be delivered
// until run_child has reset every handler (docs/security.md, "Order of the child's setup").
#include "clone_launch.hpp"

#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>

namespace proctor::sandbox {
namespace {

// run_child needs a few KiB: plain frames, no allocation. The stack lives in the launcher's frame,
// which the launcher cannot touch while it is suspended; its pages stay mapped between runs.
constexpr std::size_t kChildStackBytes = 64 * 1024;

int child_main(void* plan) {
  run_child(*static_cast<const ChildPlan*>(plan));
}

// Raw rt_sigprocmask: glibc's wrappers leave its internal signals (thread cancellation, setxid)
// unblocked, and one of those would run glibc's handler in the child.
int set_kernel_mask(int how, const std::uint64_t* set, std::uint64_t* old) {
  return static_cast<int>(syscall(SYS_rt_sigprocmask, how, set, old, sizeof(std::uint64_t)));
}

}  // namespace

pid_t launch_child(const ChildPlan& plan) {
  alignas(64) unsigned char stack[kChildStackBytes];
  const std::uint64_t all = ~std::uint64_t{0};
  std::uint64_t old = 0;
  if (set_kernel_mask(SIG_BLOCK, &all, &old) != 0) return -1;
  // The stack grows down on every architecture Proctor runs on (x86-64, arm64).
  const pid_t pid = clone(child_main, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD | plan.clone_flags,
                          const_cast<ChildPlan*>(&plan));
  const int saved = errno;
  set_kernel_mask(SIG_SETMASK, &old, nullptr);
  errno = saved;
  return pid;
}

}  // namespace proctor::sandbox
