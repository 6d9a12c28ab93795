#pragma once
#include "child.hpp"
#include "proctor/sandbox/policy.hpp"

namespace proctor::sandbox {

struct RlimitContext {
  bool memory_cgroup = false;  // memory enforced by a cgroup: no RLIMIT_AS
  bool pids_cgroup = false;    // tasks enforced by a cgroup: no RLIMIT_NPROC
};

// Fills plan.rlimits. Always: CPU backstop (the supervisor kills earlier, to the millisecond), stack =
// memory limit, file size = output limit + 1 byte, open files, no core dumps, no locked memory.
// Tasks (processes and threads) a run may have at once: the program and its threads; for the
// sanitizer profile the program and LeakSanitizer's tracer; for compile and checker `processes`.
unsigned task_limit(const Policy& policy);

void fill_rlimits(const Policy& policy, const RlimitContext& context, ChildPlan& plan);

}  // namespace proctor::sandbox
