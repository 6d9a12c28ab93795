#pragma once
#include <string>
#include <vector>

namespace proctor::sandbox {

// Fresh namespaces for one compile or validator run (programs join prepared ones: empty_root.hpp).
struct NamespacePlan {
  int clone_flags = 0;    // created by the clone itself: the child is the first process inside
  int unshare_flags = 0;  // created by the child before exec
  std::string uid_map, gid_map;    // set when a user namespace is needed (not root)
  std::vector<std::string> names;  // for the report's layers
};

// mount, ipc, uts and net always; user as well when not root (it is what allows the others). With
// `own_pids` (the compile profile, whose gcc starts cc1, as and ld) and without root, a pid namespace
// too, made by the clone so that the compiler driver is its first process: nothing in it can see or
// signal the user's other processes on any kernel (Landlock's signal scope needs 6.12). As root every
// run has a uid of its own, which already keeps its signals in; and the first process of a pid
// namespace ignores signals it has no handler for, SIGXFSZ from its own oversized write among them.
NamespacePlan namespace_plan(bool root, bool own_pids);

// Probed once by a short-lived child: can this process create the namespaces of namespace_plan()?
// (A container's seccomp profile may refuse them; user namespaces may be switched off for everyone.)
bool fresh_namespaces_available(bool root);

// In a user namespace just made by this process: setgroups "deny", then the one-line uid and gid maps
// (namespace_plan's). Async-signal-safe (raw open/write): children call it between fork and exec.
bool map_own_ids(const char* uid_map, const char* gid_map);

}  // namespace proctor::sandbox
