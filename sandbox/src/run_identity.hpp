#pragma once
// Who a run executes as when Proctor is root: a uid and gid of its own, never shared with another run
// or with any account of the machine.
//
// Why not `nobody`: RLIMIT_NPROC counts every process of a uid, so any other `nobody` process made
// execs fail (EAGAIN) on machines without a pids cgroup; and on kernels without Landlock's signal
// scope (before 6.12) one run could signal another run, or a sandboxed compiler a candidate being
// graded at the same time. Processes of different uids cannot signal each other, and a fresh uid
// starts with no processes. No passwd entry is needed for a uid.
#include <sys/types.h>

namespace proctor::sandbox {

struct RunIdentity {
  uid_t uid;
  gid_t gid;
};

// From a reserved range above every real account: 2^30 + (pid mod 2^14) * 2^16 + a per-process
// counter, so concurrent Proctor processes and the 65,536 latest runs of one process never collide.
RunIdentity next_run_identity();

}  // namespace proctor::sandbox
