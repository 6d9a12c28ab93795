#include "namespaces.hpp"

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace proctor::sandbox {

NamespacePlan namespace_plan(bool root) {
  NamespacePlan plan;
  plan.flags = CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNET;
  if (!root) {
    plan.flags |= CLONE_NEWUSER;
    // Map the caller's own ids into the namespace: the program keeps no more rights than the caller.
    plan.uid_map = std::to_string(geteuid()) + " " + std::to_string(geteuid()) + " 1\n";
    plan.gid_map = std::to_string(getegid()) + " " + std::to_string(getegid()) + " 1\n";
    plan.names.push_back("user");
  }
  for (const char* name : {"mount", "ipc", "uts", "net"}) plan.names.push_back(name);
  return plan;
}

bool user_namespaces_available() {
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) _exit(unshare(CLONE_NEWUSER) == 0 ? 0 : 1);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace proctor::sandbox
