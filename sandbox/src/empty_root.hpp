#pragma once
// Namespaces made once per Sandbox and joined by every program run with setns (a few microseconds,
// instead of creating and tearing down fresh ones per run): an empty read-only root (mount), a
// neutral host name (uts), SysV IPC and network of their own. A program then sees no host file at
// all, not even through stat() of a path, and no host name.
#include <memory>
#include <string>
#include <vector>

#include "proctor/sandbox/temp_dir.hpp"
#include "scoped_fd.hpp"

namespace proctor::sandbox {

struct PreparedNamespaces {
  // Joined first by a launcher without root: it gives the rights to join the others. Empty as root,
  // whose init-namespace capabilities cover namespaces owned by any user namespace it made.
  ScopedFd user;
  ScopedFd uts, ipc, net, mnt;  // joined in this order (the mount namespace last: it moves the root)
  // Where no mount namespace can be prepared safely (root inside a chroot, whose "/" cannot be made
  // private and where no user namespace may be made): an empty directory the run chroots into.
  std::unique_ptr<TempDir> empty_dir;
  std::vector<std::string> names;  // for RunReport::layers.namespaces ("chroot" for the directory)
};

// Null with `why_not` set when this machine does not allow it (no user namespaces, a seccomp profile
// that forbids unshare, a root that cannot be pivoted). Forks once, from any thread.
std::unique_ptr<PreparedNamespaces> prepare_namespaces(bool root, std::string& why_not);

}  // namespace proctor::sandbox
