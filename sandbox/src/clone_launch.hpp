#pragma once
// Starts the child of one run the way posix_spawn does: clone(CLONE_VM | CLONE_VFORK) on a stack of
// its own, with every signal blocked in the launcher meanwhile. No page tables are copied and no
// copy-on-write fault is taken, so a large launcher starts a program as cheaply as a small one.
#include <sys/types.h>

#include "child.hpp"

namespace proctor::sandbox {

// Runs run_child(plan) in a new process and returns its pid once that process has exec'd or exited
// (the launcher is suspended until then), or -1 with errno set when clone fails. Whatever the child
// sent on the report socket before that point is already queued when this returns.
pid_t launch_child(const ChildPlan& plan);

}  // namespace proctor::sandbox
