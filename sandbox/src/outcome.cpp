// The order of the checks is the policy: a forbidden syscall outranks everything (the supervisor
// killed the program for it), then the limits the supervisor or the kernel enforced, then the
// program's own ending. A limit verdict comes from what was measured, never from a signal alone: a
// program can raise SIGXCPU or SIGXFSZ on itself, and that is its own runtime error.
#include "outcome.hpp"

#include <signal.h>

#include <cerrno>
#include <cstring>

namespace proctor::sandbox {
namespace {

Outcome make(Status status, const char* limit = nullptr) {
  Outcome o;
  o.status = status;
  if (limit) o.limit = limit;
  return o;
}

// Without a memory cgroup the limit is RLIMIT_AS: allocations fail instead of an OOM kill, and a
// program may catch that and exit "normally". Peak RSS close to the limit is the only trace left.
bool rlimit_memory_exhausted(const RawFacts& f) {
  return !f.memory_cgroup && f.memory_limit_kb > 0 && f.max_rss_kb * 10 >= f.memory_limit_kb * 9;
}

}  // namespace

Outcome classify(const RawFacts& f) {
  if (f.setup_failure) {
    if (f.setup_failed_at_exec && (f.setup_errno == ENOMEM || f.setup_errno == E2BIG)) {
      return make(Status::mle, "memory");
    }
    Outcome o = make(Status::je);
    o.error = *f.setup_failure + ": " + std::strerror(f.setup_errno);
    return o;
  }
  if (f.killed_for == KilledFor::violation || f.violation) return make(Status::sv);
  if (f.killed_for == KilledFor::cpu || whole_ms(f.cpu_us) > f.cpu_limit_ms) return make(Status::tle, "cpu");
  if (f.oom_killed || (f.hit_memory_max && f.signal == SIGKILL)) return make(Status::mle, "memory");
  if (f.killed_for == KilledFor::wall || whole_ms(f.wall_us) > f.wall_limit_ms)
    return make(Status::tle, "wall");
  if (rlimit_memory_exhausted(f)) return make(Status::mle, "memory");
  if ((f.writes_files && f.signal == SIGXFSZ) || f.stdout_bytes > f.output_limit_bytes ||
      f.stderr_bytes > f.output_limit_bytes) {
    return make(Status::ole, "output");
  }
  if (f.signal) return make(Status::rte, f.pids_limited ? "processes" : nullptr);
  if (f.exit_code && *f.exit_code != 0) return make(Status::rte, f.pids_limited ? "processes" : nullptr);
  return make(Status::ok);
}

}  // namespace proctor::sandbox
