#pragma once
// Everything the child does between fork and exec, prepared by the parent as plain data. The child
// side uses only raw syscalls (async-signal-safe): no allocation, no locks, no C++ library calls.
#include <linux/filter.h>
#include <sys/resource.h>
#include <sys/types.h>

namespace proctor::sandbox {

enum class ChildStage : int {
  attach_cgroup = 1,
  setsid,
  stdio,
  descriptors,
  namespaces,
  chdir,
  rlimits,
  drop_privileges,
  parent_death,
  no_new_privs,
  landlock,
  seccomp,
  handoff,
  exec,
};

const char* to_string(ChildStage stage);

// Sent from the child over the report socket: a failure (kind 'E') or, with SCM_RIGHTS, the seccomp
// listener (kind 'N').
struct ChildMessage {
  char kind;
  int stage;
  int error;
};

struct ChildPlan {
  int stdio[3] = {-1, -1, -1};
  int exec_fd = -1;    // O_PATH descriptor of the binary, moved to kExecFd
  int report_fd = -1;  // socket, moved to kReportFd
  int landlock_fd = -1;  // -1: no Landlock; moved to kLandlockFd
  int cgroup_fds[3] = {-1, -1, -1};
  const sock_fprog* seccomp = nullptr;
  struct Limit {
    int resource;
    rlimit value;
  } rlimits[12];
  int rlimit_count = 0;
  char* const* argv = nullptr;
  char* const* envp = nullptr;
  const char* work_dir = nullptr;
  bool drop_privileges = false;
  uid_t uid = 0;
  gid_t gid = 0;
  pid_t supervisor = 0;  // getpid() of the launcher: the child dies with it (PR_SET_PDEATHSIG)
  int unshare_flags = 0;      // 0: no namespaces
  const char* uid_map = nullptr;  // for a user namespace, e.g. "1000 1000 1\n"
  const char* gid_map = nullptr;
  const char* jail_root = nullptr;  // with a mount namespace: pivot into an empty tmpfs here
};

[[noreturn]] void run_child(const ChildPlan& plan);

}  // namespace proctor::sandbox
