// The child between fork and exec. Order matters: join the cgroup while still privileged, set up
// descriptors, namespaces, limits, then drop privileges, and only then Landlock and seccomp, whose
// filter lets through exactly the last two steps (hand over the listener, exec the binary).
#include "child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "namespaces.hpp"
#include "seccomp_filter.hpp"

namespace proctor::sandbox {

const char* to_string(ChildStage stage) {
  switch (stage) {
    case ChildStage::attach_cgroup: return "joining the cgroup";
    case ChildStage::setsid: return "setsid";
    case ChildStage::stdio: return "redirecting stdio";
    case ChildStage::descriptors: return "closing descriptors";
    case ChildStage::namespaces: return "entering namespaces";
    case ChildStage::chdir: return "entering the work directory";
    case ChildStage::rlimits: return "setting rlimits";
    case ChildStage::drop_privileges: return "dropping privileges";
    case ChildStage::parent_death: return "tying the run to its supervisor";
    case ChildStage::no_new_privs: return "no_new_privs";
    case ChildStage::landlock: return "landlock_restrict_self";
    case ChildStage::seccomp: return "loading the seccomp filter";
    case ChildStage::handoff: return "handing over the seccomp listener";
    case ChildStage::exec: return "execveat";
  }
  return "?";
}

namespace {

// The kernel's struct sigaction (x86-64 and arm64), not glibc's.
struct KernelSigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)();
  std::uint64_t mask;
};

[[noreturn]] void fail(ChildStage stage) {
  ChildMessage msg{'E', static_cast<int>(stage), errno};
  iovec iov{&msg, sizeof msg};
  msghdr hdr{};
  hdr.msg_iov = &iov;
  hdr.msg_iovlen = 1;
  sendmsg(kReportFd, &hdr, MSG_NOSIGNAL);
  _exit(127);
}

// Moves `fd` to `target` (close-on-exec), whatever number it had.
bool place(int fd, int target) {
  if (fd == target) return fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
  return dup3(fd, target, O_CLOEXEC) == target;
}

bool join_namespaces(const ChildPlan& plan) {
  if (plan.join_user_fd >= 0 && syscall(SYS_setns, plan.join_user_fd, CLONE_NEWUSER) != 0) return false;
  for (int fd : plan.join_fds) {
    if (fd >= 0 && syscall(SYS_setns, fd, 0) != 0) return false;
  }
  return !plan.chroot_dir || (chroot(plan.chroot_dir) == 0 && chdir("/") == 0);
}

// Fresh namespaces: nothing is mounted in them, so the host's mounts need no change of propagation
// (making "/" private fails where "/" is not a mount point, as in a chroot).
bool enter_namespaces(const ChildPlan& plan) {
  if (plan.unshare_flags != 0 && unshare(plan.unshare_flags) != 0) return false;
  if (plan.uid_map && !map_own_ids(plan.uid_map, plan.gid_map)) return false;
  return !plan.bind_root || enter_bind_root(*plan.bind_root);
}

// Checked once the parent-death signal is set: a launcher that died before would never send it.
bool supervisor_alive(const ChildPlan& plan) {
  if ((plan.clone_flags & CLONE_NEWPID) == 0) return getppid() == plan.supervisor;
  // The first process of a pid namespace sees no parent (getppid() is 0); the launcher's end of the
  // report socket tells instead (the child's own copy of it is closed by now).
  pollfd report{kReportFd, 0, 0};
  return poll(&report, 1, 0) == 0;
}

bool drop_privileges(const ChildPlan& plan) {
  // Raw syscalls: glibc's setuid family synchronises threads, which a forked child must not do.
  return syscall(SYS_setgroups, 0, nullptr) == 0 && syscall(SYS_setresgid, plan.gid, plan.gid, plan.gid) == 0 &&
         syscall(SYS_setresuid, plan.uid, plan.uid, plan.uid) == 0;
}

// landlock_add_rule(PATH_BENEATH, read file | read dir) on /proc/self, with raw syscalls.
bool allow_own_proc(int ruleset) {
  struct {
    std::uint64_t allowed_access;
    std::int32_t parent_fd;
  } __attribute__((packed)) rule{(1ULL << 2) | (1ULL << 3), -1};
  rule.parent_fd =
      static_cast<int>(syscall(SYS_openat, AT_FDCWD, "/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (rule.parent_fd < 0) return false;
  const long rc = syscall(SYS_landlock_add_rule, ruleset, 1, &rule, 0);
  close(rule.parent_fd);
  return rc == 0;
}

// Sends `fd` (or, when it is negative, only `error`) to the supervisor under `kind`, and closes it.
void hand_over(char kind, int fd, int error) {
  ChildMessage msg{kind, 0, error};
  iovec iov{&msg, sizeof msg};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  msghdr hdr{};
  hdr.msg_iov = &iov;
  hdr.msg_iovlen = 1;
  if (fd >= 0) {
    hdr.msg_control = control;
    hdr.msg_controllen = sizeof control;
    cmsghdr* cmsg = CMSG_FIRSTHDR(&hdr);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
  }
  if (sendmsg(kReportFd, &hdr, MSG_NOSIGNAL) != sizeof msg) fail(ChildStage::handoff);
  if (fd >= 0) close(fd);
}

}  // namespace

void run_child(const ChildPlan& plan) {
  // The program starts with every signal at its default and none blocked, whatever the launcher
  // had (an ignored SIGPIPE, for one, would survive exec). The launcher blocked every signal before
  // the clone, so none can run the launcher's handler here before this is done. Raw syscalls: glibc's
  // wrappers refuse its internal signals, whose handlers would otherwise still be the launcher's.
  for (int sig = 1; sig < NSIG; ++sig) {
    KernelSigaction dfl{};  // SIG_DFL, no flags, empty mask
    syscall(SYS_rt_sigaction, sig, &dfl, nullptr, sizeof dfl.mask);
  }
  const std::uint64_t none = 0;
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, nullptr, sizeof none);

  // Lift every descriptor above the fixed slots first, so that placing one never clobbers another.
  auto lift = [](int fd) { return fd < 0 ? -1 : fcntl(fd, F_DUPFD_CLOEXEC, kLandlockFd + 64); };
  const int report = lift(plan.report_fd), exec = lift(plan.exec_fd), landlock = lift(plan.landlock_fd);
  const int stdio[3] = {lift(plan.stdio[0]), lift(plan.stdio[1]), lift(plan.stdio[2])};
  // The report socket first, so that every later failure can be reported.
  if (report < 0 || !place(report, kReportFd)) _exit(127);
  if (exec < 0 || stdio[0] < 0 || stdio[1] < 0 || stdio[2] < 0) fail(ChildStage::descriptors);

  for (int fd : plan.cgroup_fds) {
    if (fd >= 0 && write(fd, "0", 1) != 1) fail(ChildStage::attach_cgroup);
  }
  if (setsid() < 0) fail(ChildStage::setsid);

  for (int i = 0; i < 3; ++i) {
    if (dup2(stdio[i], i) != i) fail(ChildStage::stdio);
  }
  if (!place(exec, kExecFd)) fail(ChildStage::descriptors);
  if (landlock >= 0 && !place(landlock, kLandlockFd)) fail(ChildStage::descriptors);
  // Before the descriptors of the prepared namespaces are closed with the rest.
  if (!join_namespaces(plan)) fail(ChildStage::namespaces);
  // Nothing else survives: the program must hold no descriptor but 0, 1 and 2.
  if (syscall(SYS_close_range, 3, kExecFd - 1, 0) != 0) fail(ChildStage::descriptors);
  if (syscall(SYS_close_range, kLandlockFd + 1, ~0U, 0) != 0) fail(ChildStage::descriptors);
  if (landlock < 0) close(kLandlockFd);

  if (!enter_namespaces(plan)) fail(ChildStage::namespaces);
  if (plan.work_dir && chdir(plan.work_dir) != 0) fail(ChildStage::chdir);

  for (int i = 0; i < plan.rlimit_count; ++i) {
    if (setrlimit(static_cast<__rlimit_resource>(plan.rlimits[i].resource), &plan.rlimits[i].value) != 0) {
      fail(ChildStage::rlimits);
    }
  }
  if (plan.drop_privileges && !drop_privileges(plan)) fail(ChildStage::drop_privileges);
  // Dies with its supervisor (Ctrl-C, a CI timeout, kill -9) instead of running on unwatched. Set after
  // the uid change, which clears it; a supervisor already gone shows as another parent. The signal
  // follows the launching thread, not the process: that thread supervises and reaps this run before
  // it does anything else, so it ends before the run only when Proctor itself dies.
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 || !supervisor_alive(plan)) {
    fail(ChildStage::parent_death);
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail(ChildStage::no_new_privs);
  if (plan.landlock_fd >= 0) {
    if (plan.landlock_proc_self && !allow_own_proc(kLandlockFd)) fail(ChildStage::landlock);
    if (syscall(SYS_landlock_restrict_self, kLandlockFd, 0) != 0) fail(ChildStage::landlock);
    close(kLandlockFd);
  }
  if (plan.cost_counter) {
    // Counts from exec on (enable_on_exec); the program never holds it: only the supervisor does.
    const long counter = syscall(SYS_perf_event_open, plan.cost_counter, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    hand_over('C', static_cast<int>(counter), counter < 0 ? errno : 0);
  }
  if (plan.seccomp) {
    // The filter allows signals to this process only: write its pid where the parent left a placeholder.
    const auto self = static_cast<std::uint32_t>(syscall(SYS_getpid));
    for (std::size_t i = 0; i < plan.seccomp_own_pid_slot_count; ++i) {
      plan.seccomp->filter[plan.seccomp_own_pid_slots[i]].k = self;
    }
    long listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, plan.seccomp);
    if (listener < 0) fail(ChildStage::seccomp);
    hand_over('N', static_cast<int>(listener), 0);
  }
  syscall(SYS_execveat, kExecFd, kExecEmptyPath, plan.argv, plan.envp, AT_EMPTY_PATH);
  fail(ChildStage::exec);
}

}  // namespace proctor::sandbox
