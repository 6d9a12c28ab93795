#pragma once
// A root of bind mounts for the compile and checker profiles where Landlock is missing (kernels before
// 5.13, or the LSM switched off): inside the run's fresh mount namespace, a small read-only tmpfs
// becomes "/" and holds only what the Landlock rules would have allowed, bound at the same paths
// (the toolchain read-only, the work directory writable). Without it those profiles could read the
// whole host and had to refuse unless --insecure. Planned here in the parent; the child only mounts
// (child.cpp, async-signal-safe).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "landlock.hpp"
#include "proctor/sandbox/temp_dir.hpp"

namespace proctor::sandbox {

// What the child does, as plain C strings it can use after clone.
struct ChildBind {
  const char* source;
  const char* target;           // absolute, under the new root's mount point
  unsigned long remount_flags;  // the bind made read-only/nosuid, keeping the source's locked flags
};
struct ChildSymlink {
  const char* link_text;
  const char* path;
};
struct ChildBindRoot {
  const char* mount_point = nullptr;  // nullptr: no bind root
  const char* const* dirs = nullptr;  // to create, parents first
  int dir_count = 0;
  const char* const* files = nullptr;  // empty files to bind over (or the exec name of 5.10)
  int file_count = 0;
  const ChildBind* binds = nullptr;
  int bind_count = 0;
  const ChildSymlink* symlinks = nullptr;
  int symlink_count = 0;
};

class BindRootPlan {
 public:
  // From the rules Landlock would have enforced (landlock_rules()). Throws std::runtime_error when the
  // mount point cannot be made.
  explicit BindRootPlan(const std::vector<LandlockRule>& rules);
  const ChildBindRoot& child() const { return child_; }

 private:
  void add_dir(const std::filesystem::path& path);  // and its parents
  std::unique_ptr<TempDir> mount_point_;
  std::string root_;
  std::vector<std::string> dirs_, files_;
  std::vector<std::pair<std::string, std::string>> bind_paths_, symlink_paths_;
  std::vector<unsigned long> bind_flags_;
  std::vector<const char*> dir_ptrs_, file_ptrs_;
  std::vector<ChildBind> binds_;
  std::vector<ChildSymlink> symlinks_;
  ChildBindRoot child_;
};

// Probed once by a short-lived child: can fresh namespaces (namespace_plan) mount a tmpfs and bind
// mounts here? Not in a chroot whose "/" is not a mount point when root (its mounts could not be made
// private), nor where a container's seccomp profile refuses mount.
bool bind_root_available(bool root);

// The child side: mounts, then pivot_root into it. Async-signal-safe.
bool enter_bind_root(const ChildBindRoot& root);

}  // namespace proctor::sandbox
