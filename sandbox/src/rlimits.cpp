#include "rlimits.hpp"

#include <algorithm>

#include "seccomp_filter.hpp"

namespace proctor::sandbox {
namespace {

void add(ChildPlan& plan, int resource, rlim_t soft, rlim_t hard) {
  plan.rlimits[plan.rlimit_count++] = {resource, rlimit{soft, hard}};
}
void add(ChildPlan& plan, int resource, rlim_t both) {
  add(plan, resource, both, both);
}

}  // namespace

unsigned task_limit(const Policy& policy) {
  switch (policy.profile) {
    case Profile::program:
      return policy.limits.threads + 1;
    case Profile::sanitizer:
      return 2;
    case Profile::compile:
    case Profile::checker:
      break;
  }
  return policy.limits.processes;
}

void fill_rlimits(const Policy& policy, const RlimitContext& context, ChildPlan& plan) {
  const Limits& l = policy.limits;
  plan.rlimit_count = 0;
  // Whole seconds only: a backstop in case the supervisor were late. SIGXCPU first, SIGKILL a second later.
  const rlim_t cpu_s = l.cpu_ms / 1000 + 2;
  add(plan, RLIMIT_CPU, cpu_s, cpu_s + 1);
  const rlim_t memory = static_cast<rlim_t>(l.memory_kb) * 1024;
  // The stack may use the whole memory limit. glibc sizes every new thread's stack by the soft limit,
  // though, and under RLIMIT_AS (no memory cgroup) a single such reservation already exhausts the
  // address space: with threads there, the soft limit is 8 MiB (the program may raise it up to the
  // hard one, which stays the memory limit).
  const rlim_t stack_soft =
      (!context.memory_cgroup && l.threads > 0) ? std::min<rlim_t>(memory, 8 << 20) : memory;
  add(plan, RLIMIT_STACK, stack_soft, memory);
  // Never for the sanitizer profile: AddressSanitizer reserves terabytes of shadow address space at
  // start-up (the sandbox runs that profile only with a memory cgroup, which counts what is touched).
  if (!context.memory_cgroup && policy.profile != Profile::sanitizer) add(plan, RLIMIT_AS, memory);
  add(plan, RLIMIT_FSIZE, l.output_bytes + 1);
  add(plan, RLIMIT_NOFILE, std::min<rlim_t>(std::max(l.open_files, 4U), kMaxChildOpenFiles));
  add(plan, RLIMIT_CORE, 0);
  add(plan, RLIMIT_MEMLOCK, 0);
  add(plan, RLIMIT_MSGQUEUE, 0);
  // RLIMIT_NPROC counts every process of the uid, not the run's, and execve checks it after the uid
  // change: with it, any other process of the sandbox user made every exec fail with EAGAIN. So only
  // where something could create tasks and no pids cgroup counts them (a weak fallback, reported as
  // such in the layers). A program without threads cannot create any task: seccomp refuses clone.
  const bool can_create_tasks = policy.profile != Profile::program || l.threads > 0;
  if (!context.pids_cgroup && can_create_tasks) {
    const rlim_t tasks = task_limit(policy);
    add(plan, RLIMIT_NPROC, tasks);
  }
}

}  // namespace proctor::sandbox
