#include "bind_root.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "namespaces.hpp"
#include "seccomp_filter.hpp"

namespace proctor::sandbox {
namespace fs = std::filesystem;
namespace {

// A bind mount inherits the source's per-mount flags, and in a user namespace those that came from
// the host are locked: a remount must repeat them (nosuid, nodev, noexec, the atime mode) or fail.
unsigned long source_flags(const fs::path& path) {
  struct statvfs st {};
  if (statvfs(path.c_str(), &st) != 0) return 0;
  unsigned long flags = 0;
  if (st.f_flag & ST_RDONLY) flags |= MS_RDONLY;
  if (st.f_flag & ST_NOSUID) flags |= MS_NOSUID;
  if (st.f_flag & ST_NODEV) flags |= MS_NODEV;
  if (st.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
  if (st.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
  if (st.f_flag & ST_NOATIME) {
    flags |= MS_NOATIME;
  } else if (st.f_flag & ST_RELATIME) {
    flags |= MS_RELATIME;
  } else {
    flags |= MS_STRICTATIME;
  }
  return flags;
}

bool covers(const LandlockRule& outer, const LandlockRule& inner) {
  if (&outer == &inner || outer.access < inner.access) return false;
  const std::string o = outer.path.string(), i = inner.path.string();
  return i.size() > o.size() && i.compare(0, o.size(), o) == 0 && (o == "/" || i[o.size()] == '/');
}

}  // namespace

void BindRootPlan::add_dir(const fs::path& path) {
  fs::path at;
  for (const auto& part : path.relative_path()) {
    at /= part;
    const std::string full = root_ + "/" + at.string();
    if (std::find(dirs_.begin(), dirs_.end(), full) == dirs_.end()) dirs_.push_back(full);
  }
}

BindRootPlan::BindRootPlan(const std::vector<LandlockRule>& given) {
  mount_point_ = std::make_unique<TempDir>("proctor-root");
  root_ = mount_point_->path().string();
  std::vector<LandlockRule> rules;
  for (const LandlockRule& r : given) rules.push_back({fs::absolute(r.path).lexically_normal(), r.access});
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  for (const LandlockRule& rule : rules) {
    if (std::any_of(rules.begin(), rules.end(), [&](const LandlockRule& o) { return covers(o, rule); }))
      continue;
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(rule.path, ec);
    if (ec || !fs::exists(link)) continue;  // as Landlock skips paths that do not exist
    add_dir(rule.path.parent_path());
    if (fs::is_symlink(link)) {
      // /bin -> usr/bin, /etc/localtime -> /usr/share/zoneinfo/…: kept as links when what they name is
      // in the root anyway, so paths resolve as on the host; otherwise the target is bound at the link.
      const fs::path target = fs::canonical(rule.path, ec);
      const bool inside = !ec && std::any_of(rules.begin(), rules.end(), [&](const LandlockRule& o) {
        return covers(o, LandlockRule{target, LandlockRule::read}) || o.path == target;
      });
      if (inside) {
        symlink_paths_.emplace_back(fs::read_symlink(rule.path, ec).string(), root_ + rule.path.string());
        continue;
      }
    }
    const fs::file_status st = fs::status(rule.path, ec);
    if (ec) continue;
    if (fs::is_directory(st)) {
      add_dir(rule.path);
    } else {
      files_.push_back(root_ + rule.path.string());
    }
    unsigned long flags = source_flags(rule.path) | MS_NOSUID;
    if (rule.access != LandlockRule::read_write) flags |= MS_RDONLY;
    if (!fs::is_character_file(st)) flags |= MS_NODEV;  // /dev/null stays a device
    bind_paths_.emplace_back(rule.path.string(), root_ + rule.path.string());
    bind_flags_.push_back(flags);
  }
  // Linux 5.10 looks the exec's name up by path (see empty_root.cpp, make_exec_name).
  add_dir("/dev/fd");
  files_.push_back(root_ + "/dev/fd/" + std::to_string(kExecFd));

  for (const auto& d : dirs_) dir_ptrs_.push_back(d.c_str());
  for (const auto& f : files_) file_ptrs_.push_back(f.c_str());
  for (std::size_t i = 0; i < bind_paths_.size(); ++i) {
    binds_.push_back({bind_paths_[i].first.c_str(), bind_paths_[i].second.c_str(), bind_flags_[i]});
  }
  for (const auto& [text, path] : symlink_paths_) symlinks_.push_back({text.c_str(), path.c_str()});
  child_.mount_point = root_.c_str();
  child_.dirs = dir_ptrs_.data();
  child_.dir_count = static_cast<int>(dir_ptrs_.size());
  child_.files = file_ptrs_.data();
  child_.file_count = static_cast<int>(file_ptrs_.size());
  child_.binds = binds_.data();
  child_.bind_count = static_cast<int>(binds_.size());
  child_.symlinks = symlinks_.data();
  child_.symlink_count = static_cast<int>(symlinks_.size());
}

bool enter_bind_root(const ChildBindRoot& r) {
  if (!r.mount_point) return true;
  // As root the fresh mount namespace still propagates to the host's shared mounts: private first. (In
  // a user namespace the copies are slaves already; "/" must be a mount point either way, which
  // bind_root_available() checked.)
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
  if (mount("tmpfs", r.mount_point, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
            "size=1m,nr_inodes=4096,mode=0755") != 0) {
    return false;
  }
  for (int i = 0; i < r.dir_count; ++i) {
    if (mkdir(r.dirs[i], 0755) != 0 && errno != EEXIST) return false;
  }
  for (int i = 0; i < r.file_count; ++i) {
    const int fd = open(r.files[i], O_WRONLY | O_CREAT | O_CLOEXEC, 0444);
    if (fd < 0) return false;
    close(fd);
  }
  for (int i = 0; i < r.symlink_count; ++i) {
    if (symlink(r.symlinks[i].link_text, r.symlinks[i].path) != 0) return false;
  }
  for (int i = 0; i < r.bind_count; ++i) {
    const ChildBind& b = r.binds[i];
    if (mount(b.source, b.target, nullptr, MS_BIND | MS_REC, nullptr) != 0) return false;
    if (mount(nullptr, b.target, nullptr, MS_BIND | MS_REMOUNT | b.remount_flags, nullptr) != 0) return false;
  }
  // Nothing more is written in the root itself.
  if (mount(nullptr, r.mount_point, nullptr,
            MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) {
    return false;
  }
  // The old root is stacked under the new one by pivot_root(".", ".") and detached: no way back up.
  if (chdir(r.mount_point) != 0 || syscall(SYS_pivot_root, ".", ".") != 0) return false;
  if (umount2(".", MNT_DETACH) != 0) return false;
  return chdir("/") == 0;
}

bool bind_root_available(bool root) {
  try {
    const BindRootPlan plan({{"/usr", LandlockRule::read_exec}});
    const NamespacePlan ns = namespace_plan(root, false);
    const pid_t pid = fork();
    if (pid < 0) return false;
    if (pid == 0) {
      if (unshare(ns.unshare_flags) != 0) _exit(1);
      // Without root, files made in the tmpfs need the caller's ids mapped (as enter_namespaces does).
      if (!ns.uid_map.empty() && !map_own_ids(ns.uid_map.c_str(), ns.gid_map.c_str())) _exit(1);
      _exit(enter_bind_root(plan.child()) && access("/usr", R_OK) == 0 ? 0 : 1);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace proctor::sandbox
