#pragma once
#include <string>
#include <vector>

namespace proctor::sandbox {

struct NamespacePlan {
  int flags = 0;
  std::string uid_map, gid_map;    // set when a user namespace is needed (not root)
  std::vector<std::string> names;  // for the report's layers
};

// mount, ipc, uts and net always; user as well when not root (it is what allows the others).
// A pid namespace would need a second fork per run; seccomp and Landlock's signal scope already stop
// the program from seeing or signalling other processes.
NamespacePlan namespace_plan(bool root);

// Probed once by a short-lived child: can this user create a user namespace?
bool user_namespaces_available();

}  // namespace proctor::sandbox
