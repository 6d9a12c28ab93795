// One poll loop per run: the pidfd says when the child ends, the seccomp listener when it called a
// forbidden syscall, and the timeout is the earliest moment a CPU or wall limit could be reached
// (CPU cannot grow faster than `parallelism` times the wall clock), so limits fire to the
// millisecond without busy polling.
#include "supervise.hpp"

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "seccomp_filter.hpp"

namespace proctor::sandbox {
namespace {

std::uint64_t us_since(std::chrono::steady_clock::time_point start) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
          .count());
}

// The high-water mark of the process's resident memory, as the kernel keeps it per address space:
// the program's own pages only, unlike ru_maxrss, which at exec inherits the launcher's peak (the
// child shares the launcher's memory until exec).
std::optional<std::uint64_t> read_vmhwm_kb(pid_t pid) {
  // Raw reads into a stack buffer: this runs once per run, on the path every test takes.
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/status", static_cast<int>(pid));
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  char buf[4096];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return std::nullopt;
  buf[n] = '\0';
  const char* at = std::strstr(buf, "\nVmHWM:");
  if (!at) return std::nullopt;
  char* end = nullptr;
  const unsigned long long kb = std::strtoull(at + 7, &end, 10);
  if (end == at + 7) return std::nullopt;
  return kb;
}

void note_peak(SuperviseResult& out, pid_t pid) {
  if (auto kb = read_vmhwm_kb(pid)) out.peak_kb = std::max(out.peak_kb.value_or(0), *kb);
}

bool is_exit(const seccomp_notif& req) {
  return req.data.arch == AUDIT_ARCH_X86_64 && (req.data.nr == SYS_exit || req.data.nr == SYS_exit_group);
}

// One notification: a forbidden call (its name), or, with measure_peak_at_exit, an exit that is
// measured and let through (nullopt).
std::optional<std::string> receive(int notify_fd, const SuperviseInput& in, SuperviseResult& out) {
  seccomp_notif req;
  std::memset(&req, 0, sizeof req);
  if (ioctl(notify_fd, SECCOMP_IOCTL_NOTIF_RECV, &req) != 0) return std::nullopt;
  if (in.measure_peak_at_exit && is_exit(req)) {
    note_peak(out, in.pid);
    seccomp_notif_resp resp;
    std::memset(&resp, 0, sizeof resp);
    resp.id = req.id;
    resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    // ENOENT: the program died meanwhile (a limit, a signal); nothing is left to continue. Any other
    // failure would leave it stuck in its exit until the wall limit: a judge error, said at once.
    if (ioctl(notify_fd, SECCOMP_IOCTL_NOTIF_SEND, &resp) != 0 && errno != ENOENT) {
      out.error =
          std::string("letting the program exit (SECCOMP_USER_NOTIF_FLAG_CONTINUE): ") + std::strerror(errno);
    }
    return std::nullopt;
  }
  return syscall_name(req.data.arch, req.data.nr);
}

}  // namespace

SuperviseResult supervise(const SuperviseInput& in) {
  SuperviseResult out;
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, in.pid, 0));
  if (pidfd < 0) {
    out.error = std::string("pidfd_open: ") + std::strerror(errno);
    in.kill_all();
  } else {
    const std::uint64_t cpu_limit_ns = in.cpu_limit_ms * 1'000'000;
    int notify_fd = in.notify_fd;
    for (;;) {
      const std::uint64_t cpu = in.cpu_ns();
      const std::uint64_t wall = whole_ms(us_since(in.started));
      if (cpu >= cpu_limit_ns) {
        out.killed_for = KilledFor::cpu;
        break;
      }
      if (wall >= in.wall_limit_ms) {
        out.killed_for = KilledFor::wall;
        break;
      }
      const std::uint64_t cpu_left_ms = (cpu_limit_ns - cpu) / 1'000'000 / std::max(1U, in.parallelism);
      const std::uint64_t wait_ms =
          std::max<std::uint64_t>(1, std::min(in.wall_limit_ms - wall, cpu_left_ms + 1));
      pollfd fds[2] = {{pidfd, POLLIN, 0}, {notify_fd, POLLIN, 0}};
      int n = poll(fds, notify_fd >= 0 ? 2 : 1, static_cast<int>(std::min<std::uint64_t>(wait_ms, 1000)));
      if (n < 0 && errno != EINTR) {
        out.error = std::string("poll: ") + std::strerror(errno);
        break;
      }
      if (n > 0 && notify_fd >= 0 && (fds[1].revents & POLLIN)) {
        out.violation = receive(notify_fd, in, out);
        if (!out.error.empty()) break;
        if (out.violation) {
          out.killed_for = KilledFor::violation;
          break;
        }
      }
      // The exiting program has released its filter before the pidfd reports the exit: the
      // listener hangs up and would make every poll return at once.
      if (n > 0 && notify_fd >= 0 && (fds[1].revents & POLLHUP) && !(fds[1].revents & POLLIN)) notify_fd = -1;
      if (n > 0 && (fds[0].revents & POLLIN)) break;
    }
    if (out.killed_for != KilledFor::nothing || !out.error.empty()) {
      if (in.measure_peak_at_exit) note_peak(out, in.pid);
      in.kill_all();
    }
    close(pidfd);
  }
  // The process is dead or dying; wait4 reaps it with the kernel's exact accounting.
  while (wait4(in.pid, &out.wait_status, 0, &out.usage) < 0) {
    if (errno != EINTR) {
      out.error = std::string("wait4: ") + std::strerror(errno);
      break;
    }
  }
  out.wall_us = us_since(in.started);
  return out;
}

}  // namespace proctor::sandbox
