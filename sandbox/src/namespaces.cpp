#include "namespaces.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

namespace proctor::sandbox {

NamespacePlan namespace_plan(bool root, bool own_pids) {
  NamespacePlan plan;
  plan.unshare_flags = CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNET;
  if (own_pids && !root) plan.clone_flags = CLONE_NEWPID;
  if (!root) {
    // The pid namespace must belong to a user namespace this user owns: both come with the clone.
    (own_pids ? plan.clone_flags : plan.unshare_flags) |= CLONE_NEWUSER;
    // Map the caller's own ids into the namespace: the program keeps no more rights than the caller.
    plan.uid_map = std::to_string(geteuid()) + " " + std::to_string(geteuid()) + " 1\n";
    plan.gid_map = std::to_string(getegid()) + " " + std::to_string(getegid()) + " 1\n";
    plan.names.push_back("user");
  }
  for (const char* name : {"mount", "ipc", "uts", "net"}) plan.names.push_back(name);
  if (own_pids) plan.names.push_back("pid");
  return plan;
}

namespace {

bool write_text(const char* path, const char* text) {
  const int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const ssize_t len = static_cast<ssize_t>(strlen(text));
  const bool ok = write(fd, text, len) == len;
  close(fd);
  return ok;
}

}  // namespace

bool map_own_ids(const char* uid_map, const char* gid_map) {
  return write_text("/proc/self/setgroups", "deny") && write_text("/proc/self/uid_map", uid_map) &&
         write_text("/proc/self/gid_map", gid_map);
}

bool fresh_namespaces_available(bool root) {
  const NamespacePlan plan = namespace_plan(root, true);
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) _exit(unshare(plan.clone_flags | plan.unshare_flags) == 0 ? 0 : 1);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace proctor::sandbox
