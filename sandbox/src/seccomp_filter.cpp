// Allowlists per profile. Anything not allowed goes to the supervisor through SECCOMP_RET_USER_NOTIF:
// the supervisor names the syscall and kills the run, and the program cannot catch or mask it (a
// SIGSYS from SECCOMP_RET_TRAP could be handled by the program itself).
#include "seccomp_filter.hpp"

#include <fcntl.h>
#include <linux/audit.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <stdexcept>

namespace proctor::sandbox {
namespace {

using Ctx = std::unique_ptr<void, decltype(&seccomp_release)>;

void check(int rc, const char* what) {
  if (rc < 0) throw std::runtime_error(std::string("seccomp: ") + what + ": " + std::to_string(-rc));
}

void allow(scmp_filter_ctx ctx, int nr) { check(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0), "allow"); }

template <typename... Cmp>
void allow_if(scmp_filter_ctx ctx, int nr, Cmp... cmp) {
  check(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, sizeof...(Cmp), cmp...), "allow_if");
}

void fail_with(scmp_filter_ctx ctx, int nr, int err) {
  check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0), "errno");
}

constexpr unsigned long kNamespaceFlags = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |
                                          CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP;

// The last steps of the child happen under the filter: hand over the listener, exec the binary. The
// descriptor alone proves nothing (an absolute path ignores it), so the path must be the very string
// the child passes: kExecEmptyPath, at its address in this process. After exec the program would have
// to guess that address (ASLR) and map a path there; one wrong guess is already a violation.
void allow_launch_handoff(scmp_filter_ctx ctx) {
  allow_if(ctx, SCMP_SYS(sendmsg), SCMP_A0(SCMP_CMP_EQ, kReportFd));
  allow_if(ctx, SCMP_SYS(execveat), SCMP_A0(SCMP_CMP_EQ, kExecFd),
           SCMP_A1(SCMP_CMP_EQ, reinterpret_cast<scmp_datum_t>(kExecEmptyPath)),
           SCMP_A4(SCMP_CMP_EQ, AT_EMPTY_PATH));
  allow(ctx, SCMP_SYS(close));
}

// What a statically linked glibc C program needs for stdio on fds 0-2, memory, time, signals, exit.
void allow_static_c_runtime(scmp_filter_ctx ctx) {
  for (int nr : {SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev), SCMP_SYS(pread64),
                 SCMP_SYS(pwrite64), SCMP_SYS(lseek), SCMP_SYS(fstat), SCMP_SYS(brk), SCMP_SYS(mmap),
                 SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(mprotect), SCMP_SYS(madvise), SCMP_SYS(rt_sigaction),
                 SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack), SCMP_SYS(clock_gettime),
                 SCMP_SYS(clock_getres), SCMP_SYS(gettimeofday),
                 SCMP_SYS(time), SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep), SCMP_SYS(getpid),
                 SCMP_SYS(gettid), SCMP_SYS(getppid), SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid),
                 SCMP_SYS(getegid), SCMP_SYS(arch_prctl), SCMP_SYS(set_tid_address), SCMP_SYS(set_robust_list),
                 SCMP_SYS(rseq), SCMP_SYS(getrlimit), SCMP_SYS(uname), SCMP_SYS(futex), SCMP_SYS(sched_yield),
                 SCMP_SYS(getrandom), SCMP_SYS(sched_getaffinity), SCMP_SYS(getrusage), SCMP_SYS(times),
                 SCMP_SYS(membarrier), SCMP_SYS(getsid), SCMP_SYS(getpgrp), SCMP_SYS(getpgid),
                 SCMP_SYS(dup), SCMP_SYS(dup2), SCMP_SYS(dup3), SCMP_SYS(poll), SCMP_SYS(ppoll),
                 SCMP_SYS(select), SCMP_SYS(pselect6), SCMP_SYS(sysinfo), SCMP_SYS(getcpu),
                 SCMP_SYS(sched_getparam), SCMP_SYS(sched_getscheduler), SCMP_SYS(getpriority),
                 SCMP_SYS(getitimer), SCMP_SYS(pause),
                 SCMP_SYS(rt_sigsuspend), SCMP_SYS(rt_sigpending), SCMP_SYS(rt_sigtimedwait)}) {
    allow(ctx, nr);
  }
  // fstat() is newfstatat(fd, "", AT_EMPTY_PATH); with a path it would reveal which files exist.
  allow_if(ctx, SCMP_SYS(newfstatat), SCMP_A3(SCMP_CMP_EQ, AT_EMPTY_PATH));
  allow_if(ctx, SCMP_SYS(statx), SCMP_A2(SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH));
  // Descriptor flags only: no F_SETOWN/F_SETSIG (signals to other processes), no locks.
  for (int cmd : {F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD, F_DUPFD_CLOEXEC}) {
    allow_if(ctx, SCMP_SYS(fcntl), SCMP_A1(SCMP_CMP_EQ, static_cast<scmp_datum_t>(cmd)));
  }
  // stdio asks whether stdout is a terminal.
  allow_if(ctx, SCMP_SYS(ioctl), SCMP_A1(SCMP_CMP_EQ, TCGETS));
  // No timers (setitimer, alarm, timer_create are violations): an asynchronous signal could interrupt
  // a forbidden call before the supervisor reads its notification, and the call would return EINTR
  // instead of ending the run. For the same reason a program may not lower its own RLIMIT_CPU (the
  // SIGXCPU would be another such timer): it reads every limit of its own, and sets only the stack
  // one (raising the stack soft limit is a common idiom in contest-style C); others fail with EPERM.
  allow_if(ctx, SCMP_SYS(prlimit64), SCMP_A0(SCMP_CMP_EQ, 0), SCMP_A2(SCMP_CMP_EQ, 0));
  allow_if(ctx, SCMP_SYS(prlimit64), SCMP_A0(SCMP_CMP_EQ, 0), SCMP_A1(SCMP_CMP_EQ, RLIMIT_STACK));
  check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(prlimit64), 3, SCMP_A0(SCMP_CMP_EQ, 0),
                         SCMP_A1(SCMP_CMP_NE, RLIMIT_STACK), SCMP_A2(SCMP_CMP_NE, 0)),
        "prlimit64 eperm");
  allow_if(ctx, SCMP_SYS(setrlimit), SCMP_A0(SCMP_CMP_EQ, RLIMIT_STACK));
  check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(setrlimit), 1, SCMP_A0(SCMP_CMP_NE, RLIMIT_STACK)),
        "setrlimit eperm");
  // raise()/abort() and pthread_kill() signal a thread of the calling process with tgkill(own pid, tid):
  // the first argument is pinned to the program's own pid (patched in by the child, see
  // kOwnPidPlaceholder), and the kernel refuses a tid outside that process. So no program signals
  // another process on any kernel, with or without Landlock's signal scope (Linux 6.12+). tkill, which
  // names a thread alone, is used by no current C library and stays forbidden.
  allow_if(ctx, SCMP_SYS(tgkill), SCMP_A0(SCMP_CMP_EQ, kOwnPidPlaceholder));
}

// Static glibc looks up /proc/self/exe at start-up and copes with a failure.
void refuse_readlink(scmp_filter_ctx ctx) { fail_with(ctx, SCMP_SYS(readlink), ENOENT); }

void allow_threads(scmp_filter_ctx ctx) {
  // Threads only: a clone that shares the address space as a thread; no new process, no namespace.
  allow_if(ctx, SCMP_SYS(clone), SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD | CLONE_VM | kNamespaceFlags,
                                         CLONE_THREAD | CLONE_VM));
}

void build_program(scmp_filter_ctx ctx, unsigned threads) {
  allow_static_c_runtime(ctx);
  refuse_readlink(ctx);
  if (threads > 0) allow_threads(ctx);
  // glibc tries clone3 first and falls back to clone on ENOSYS; seccomp cannot inspect clone3's flags.
  fail_with(ctx, SCMP_SYS(clone3), ENOSYS);
}

void build_checker(scmp_filter_ctx ctx) {
  allow_static_c_runtime(ctx);
  refuse_readlink(ctx);
  // Validators read their input/answer and write feedback files; Landlock decides which paths.
  for (int nr : {SCMP_SYS(openat), SCMP_SYS(open), SCMP_SYS(getdents64), SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2),
                 SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(ftruncate), SCMP_SYS(mkdir), SCMP_SYS(unlink),
                 SCMP_SYS(getcwd), SCMP_SYS(fsync), SCMP_SYS(fdatasync)}) {
    allow(ctx, nr);
  }
  allow_if(ctx, SCMP_SYS(newfstatat), SCMP_A3(SCMP_CMP_EQ, 0));
  allow_if(ctx, SCMP_SYS(newfstatat), SCMP_A3(SCMP_CMP_EQ, AT_SYMLINK_NOFOLLOW));
  fail_with(ctx, SCMP_SYS(clone3), ENOSYS);
}

// The sanitized build (AddressSanitizer, LeakSanitizer, UBSan): the static runtime's set, plus what the
// dynamic loader and the sanitizer runtimes need and nothing more. Files: opened read-only (Landlock
// decides which: the libraries, the loader's cache, the run's own /proc/self). LeakSanitizer stops the
// world at exit from a tracer task, a clone that shares the program's memory, files and directory
// (exactly those flags: no thread, no namespace, no new address space), which attaches to the program
// with ptrace: ptrace is allowed only aimed at the program's own pid (the placeholder patched by the
// child), so it can reach nothing but the program itself.
void build_sanitizer(scmp_filter_ctx ctx) {
  allow_static_c_runtime(ctx);
  constexpr scmp_datum_t kWriting = O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND;
  allow_if(ctx, SCMP_SYS(openat), SCMP_A2(SCMP_CMP_MASKED_EQ, kWriting, 0));
  allow_if(ctx, SCMP_SYS(open), SCMP_A1(SCMP_CMP_MASKED_EQ, kWriting, 0));
  // The tracer lists /proc/<pid>/task with getdents; the runtime reads /proc/self/exe.
  for (int nr : {SCMP_SYS(getdents), SCMP_SYS(getdents64), SCMP_SYS(readlink), SCMP_SYS(wait4)}) allow(ctx, nr);
  // The loader probes /etc/ld.so.preload: absent, whatever the host has.
  fail_with(ctx, SCMP_SYS(access), ENOENT);
  fail_with(ctx, SCMP_SYS(faccessat), ENOENT);
  fail_with(ctx, SCMP_SYS(faccessat2), ENOENT);
  for (int option :
       {PR_GET_DUMPABLE, PR_SET_DUMPABLE, PR_SET_PTRACER, PR_SET_PDEATHSIG, PR_GET_NAME, PR_SET_NAME}) {
    allow_if(ctx, SCMP_SYS(prctl), SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(option)));
  }
  constexpr scmp_datum_t kTracer = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_UNTRACED;
  allow_if(ctx, SCMP_SYS(clone), SCMP_A0(SCMP_CMP_MASKED_EQ, ~scmp_datum_t{CSIGNAL} & 0xffffffffULL, kTracer));
  allow_if(ctx, SCMP_SYS(ptrace), SCMP_A1(SCMP_CMP_EQ, kOwnPidPlaceholder));
  fail_with(ctx, SCMP_SYS(clone3), ENOSYS);
}

// gcc runs cc1, as, collect2 and ld: a broad set, so the compile profile is a denylist of what no
// compiler needs and what could reach outside the sandbox. Landlock confines its files.
void build_compile(scmp_filter_ctx ctx) {
  for (int nr :
       {SCMP_SYS(socket), SCMP_SYS(socketpair), SCMP_SYS(ptrace), SCMP_SYS(process_vm_readv),
        SCMP_SYS(process_vm_writev), SCMP_SYS(mount), SCMP_SYS(umount2), SCMP_SYS(pivot_root), SCMP_SYS(chroot),
        SCMP_SYS(unshare), SCMP_SYS(setns), SCMP_SYS(bpf), SCMP_SYS(perf_event_open), SCMP_SYS(keyctl),
        SCMP_SYS(add_key), SCMP_SYS(request_key), SCMP_SYS(io_uring_setup), SCMP_SYS(io_uring_enter),
        SCMP_SYS(io_uring_register), SCMP_SYS(personality), SCMP_SYS(kexec_load), SCMP_SYS(kexec_file_load),
        SCMP_SYS(init_module), SCMP_SYS(finit_module), SCMP_SYS(delete_module), SCMP_SYS(reboot),
        SCMP_SYS(swapon), SCMP_SYS(swapoff), SCMP_SYS(acct), SCMP_SYS(settimeofday), SCMP_SYS(clock_settime),
        SCMP_SYS(clock_adjtime), SCMP_SYS(adjtimex), SCMP_SYS(setsid), SCMP_SYS(setpgid), SCMP_SYS(userfaultfd),
        SCMP_SYS(open_by_handle_at), SCMP_SYS(name_to_handle_at), SCMP_SYS(fanotify_init), SCMP_SYS(quotactl),
        SCMP_SYS(syslog), SCMP_SYS(vhangup), SCMP_SYS(iopl), SCMP_SYS(ioperm), SCMP_SYS(modify_ldt),
        SCMP_SYS(kcmp), SCMP_SYS(pidfd_getfd), SCMP_SYS(pidfd_open), SCMP_SYS(fsopen), SCMP_SYS(fsmount),
        SCMP_SYS(move_mount), SCMP_SYS(open_tree), SCMP_SYS(mount_setattr), SCMP_SYS(landlock_create_ruleset),
        SCMP_SYS(seccomp), SCMP_SYS(lookup_dcookie), SCMP_SYS(sethostname), SCMP_SYS(setdomainname),
        SCMP_SYS(mknod), SCMP_SYS(mknodat), SCMP_SYS(memfd_secret)}) {
    check(seccomp_rule_add(ctx, SCMP_ACT_NOTIFY, nr, 0), "deny");
  }
  // Its own limits (cc1 raises its stack soft limit), never another process's.
  check(seccomp_rule_add(ctx, SCMP_ACT_NOTIFY, SCMP_SYS(prlimit64), 1, SCMP_A0(SCMP_CMP_NE, 0)), "deny prlimit");
  // Processes yes, namespaces no: any one CLONE_NEW* bit is a violation.
  for (unsigned long flag : {CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
                             CLONE_NEWCGROUP}) {
    check(seccomp_rule_add(ctx, SCMP_ACT_NOTIFY, SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)),
          "deny clone ns");
  }
  fail_with(ctx, SCMP_SYS(clone3), ENOSYS);
  // Only the TTY ioctls that toolchains probe; TIOCSTI would type into a terminal.
  check(seccomp_rule_add(ctx, SCMP_ACT_NOTIFY, SCMP_SYS(ioctl), 1, SCMP_A1(SCMP_CMP_EQ, TIOCSTI)), "deny tiocsti");
}

}  // namespace

const char kExecEmptyPath[] = "";

SeccompProgram::SeccompProgram(Profile profile, unsigned threads) {
  const bool denylist = profile == Profile::compile;
  Ctx ctx(seccomp_init(denylist ? SCMP_ACT_ALLOW : SCMP_ACT_NOTIFY), &seccomp_release);
  if (!ctx) throw std::runtime_error("seccomp_init failed");
  // Other ABIs (int 0x80, x32) are never allowed: the supervisor names them as violations.
  check(seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_NOTIFY), "badarch");
  // The child sets no_new_privs itself, before Landlock.
  check(seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_NNP, 0), "nnp");
  // A binary tree of syscall numbers instead of a list: on attach the kernel (5.11+) runs the filter
  // for every syscall number of every architecture to fill its action cache, with interrupts off, and
  // through a list of 150 rules that was the most expensive step of a launch (perf, 2026-12-03).
  check(seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE, 2), "optimize");
  switch (profile) {
    case Profile::program: build_program(ctx.get(), threads); break;
    case Profile::checker: build_checker(ctx.get()); break;
    case Profile::compile: build_compile(ctx.get()); break;
    case Profile::sanitizer: build_sanitizer(ctx.get()); break;
  }
  if (!denylist) allow_launch_handoff(ctx.get());
  // Left out, the default action sends them to the supervisor, which measures and lets them continue.
  if (!denylist && !exits_go_to_supervisor(profile)) {
    allow(ctx.get(), SCMP_SYS(exit));
    allow(ctx.get(), SCMP_SYS(exit_group));
  }

  // libseccomp 2.5 exports to a descriptor only; a memfd keeps it in memory.
  int fd = memfd_create("proctor-bpf", MFD_CLOEXEC);
  if (fd < 0) throw std::runtime_error("memfd_create failed");
  int rc = seccomp_export_bpf(ctx.get(), fd);
  off_t size = lseek(fd, 0, SEEK_END);
  if (rc < 0 || size <= 0 || size % sizeof(sock_filter) != 0) {
    close(fd);
    throw std::runtime_error("seccomp_export_bpf failed");
  }
  filter_.resize(size / sizeof(sock_filter));
  ssize_t got = pread(fd, filter_.data(), size, 0);
  close(fd);
  if (got != size) throw std::runtime_error("reading the seccomp program failed");
  for (std::size_t i = 0; i < filter_.size(); ++i) {
    if (BPF_CLASS(filter_[i].code) == BPF_JMP && filter_[i].k == kOwnPidPlaceholder) {
      own_pid_slots_.push_back(static_cast<unsigned short>(i));
    }
  }
  if (profile != Profile::compile && own_pid_slots_.empty()) {
    throw std::runtime_error("seccomp: the own-pid comparison is missing from the exported program");
  }
}

SeccompCopy::SeccompCopy(const SeccompProgram& program)
    : filter(program.instructions()), own_pid_slots(&program.own_pid_slots()) {
  fprog.len = static_cast<unsigned short>(filter.size());
  fprog.filter = filter.data();
}

std::string syscall_name(unsigned arch, int nr) {
  if (arch == AUDIT_ARCH_X86_64 && (nr & 0x40000000)) {
    char* name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_X32, nr);
    std::string s = "x32:" + (name ? std::string(name) : std::to_string(nr & ~0x40000000));
    free(name);
    return s;
  }
  const bool native = arch == AUDIT_ARCH_X86_64;
  uint32_t scmp_arch = native ? SCMP_ARCH_X86_64 : arch == AUDIT_ARCH_I386 ? SCMP_ARCH_X86 : 0;
  char* name = scmp_arch ? seccomp_syscall_resolve_num_arch(scmp_arch, nr) : nullptr;
  std::string base = name ? std::string(name) : std::to_string(nr);
  free(name);
  if (native) return base;
  return (arch == AUDIT_ARCH_I386 ? "i386:" : "arch" + std::to_string(arch) + ":") + base;
}

}  // namespace proctor::sandbox
