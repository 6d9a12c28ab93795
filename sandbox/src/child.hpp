#pragma once
// Everything the child does between fork and exec, prepared by the parent as plain data. The child
// side uses only raw syscalls (async-signal-safe): no allocation, no locks, no C++ library calls.
#include <linux/filter.h>
#include <linux/perf_event.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <cstddef>

#include "bind_root.hpp"

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

// Sent from the child over the report socket: a failure (kind 'E'), with SCM_RIGHTS the seccomp
// listener (kind 'N'), or the cost counter (kind 'C': with the descriptor, or with `error` set when
// perf_event_open failed, which is not fatal: the supervisor falls back to CPU time).
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
  // Add a rule reading the child's own /proc/<pid> to that (uncached) ruleset first: only the child
  // knows its pid, and the directory keeps its inode across the exec (sanitizer profile).
  bool landlock_proc_self = false;
  int cgroup_fds[3] = {-1, -1, -1};
  const sock_fprog* seccomp = nullptr;  // this run's own copy: the child patches its pid in
  const unsigned short* seccomp_own_pid_slots = nullptr;
  std::size_t seccomp_own_pid_slot_count = 0;
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
  // Prepared namespaces to join (empty_root.hpp): the user namespace first (-1: none), then uts, ipc,
  // net and mount.
  int join_user_fd = -1;
  int join_fds[4] = {-1, -1, -1, -1};
  const char* chroot_dir = nullptr;  // with the prepared namespaces but no mount namespace: an empty root
  int clone_flags = 0;        // namespaces the clone creates (CLONE_NEWPID, with CLONE_NEWUSER without root)
  int unshare_flags = 0;      // namespaces the child creates; 0: none
  const char* uid_map = nullptr;  // for a user namespace, e.g. "1000 1000 1\n"
  const char* gid_map = nullptr;
  // After the fresh namespaces: a root of bind mounts to pivot into (compile/checker without Landlock).
  const ChildBindRoot* bind_root = nullptr;
  const perf_event_attr* cost_counter = nullptr;  // opened on itself before the filter; nullptr: none
};

[[noreturn]] void run_child(const ChildPlan& plan);

}  // namespace proctor::sandbox
