// Why the child opens its own counter: a counter opened by the supervisor on the child's pid would
// need the child stopped before exec (it is a vfork-style clone that runs straight to exec), and would
// need ptrace-level access to a process that has dropped to another user. Opened by the child on
// itself, disabled until exec (enable_on_exec), it counts exactly the program; the descriptor goes to
// the supervisor over the report socket and the child closes its copy before exec.
#include "cost_counter.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace proctor::sandbox {

perf_event_attr cost_counter_attr(CostMeasure measure) {
  perf_event_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.size = sizeof attr;
  if (measure == CostMeasure::instructions) {
    attr.type = PERF_TYPE_HARDWARE;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
  } else {
    attr.type = PERF_TYPE_SOFTWARE;
    attr.config = PERF_COUNT_SW_TASK_CLOCK;
  }
  attr.disabled = 1;
  attr.enable_on_exec = 1;
  attr.inherit = 1;  // threads the program starts count too (their totals join this one when they end)
  // User space only: the kernel's share varies with the machine, and perf_event_paranoid=2 (the usual
  // default) allows an unprivileged process nothing else.
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  attr.read_format = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING;
  return attr;
}

std::string describe_counter_error(int error) {
  std::string text = std::string("perf_event_open: ") + std::strerror(error);
  if (error == ENOENT || error == EOPNOTSUPP) text += " (this machine or VM exposes no hardware PMU)";
  if (error == EACCES || error == EPERM)
    text += " (refused by kernel.perf_event_paranoid or a security module)";
  return text;
}

std::string probe_cost_counter(CostMeasure measure) {
  perf_event_attr attr = cost_counter_attr(measure);
  attr.enable_on_exec = 0;
  const long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
  if (fd < 0) return describe_counter_error(errno);
  close(static_cast<int>(fd));
  return {};
}

std::optional<std::uint64_t> read_cost_counter(int fd, std::string& why) {
  std::uint64_t values[3] = {};  // value, time enabled, time running
  const ssize_t n = read(fd, values, sizeof values);
  if (n != static_cast<ssize_t>(sizeof values)) {
    why = std::string("reading the counter: ") + (n < 0 ? std::strerror(errno) : "short read");
    return std::nullopt;
  }
  if (values[2] == 0) {
    // Enabled at exec and never scheduled on a counter: the program did not get that far.
    if (values[1] == 0) return values[0];
    why = "the counter was never scheduled (all hardware counters busy)";
    return std::nullopt;
  }
  if (values[2] == values[1]) return values[0];
  // Multiplexed with other counters: the kernel's estimate for the whole time.
  return static_cast<std::uint64_t>(static_cast<long double>(values[0]) * values[1] / values[2]);
}

}  // namespace proctor::sandbox
