// The helper that makes the namespaces is a fork of a possibly multi-threaded launcher: it makes raw
// system calls only, on data prepared before the fork. As root, the parent writes the user namespace's
// maps (a map of every id, which only a process outside the namespace may write), then keeps a
// descriptor of each namespace; the helper exits, and the namespaces live on through the descriptors.
//
// Why a user namespace even as root: a mount namespace owned by a new user namespace receives the
// host's mounts as slaves, so the tmpfs mounted in it can never propagate back to the host whatever
// the host's propagation. Inside a chroot no user namespace may be made and "/" (not a mount point)
// cannot be made private: there the runs chroot into an empty directory instead.
#include "empty_root.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "namespaces.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "seccomp_filter.hpp"

namespace proctor::sandbox {
namespace {

enum HelperStage : int {
  unshare_stage = 1,
  maps_stage,
  hostname_stage,
  mount_stage,
  exec_name_stage,
  pivot_stage,
  remount_stage
};

const char* stage_name(int stage) {
  switch (stage) {
    case unshare_stage:
      return "unshare";
    case maps_stage:
      return "writing the id maps";
    case hostname_stage:
      return "sethostname";
    case mount_stage:
      return "mounting the empty root";
    case exec_name_stage:
      return "creating the empty root's /dev/fd entry";
    case pivot_stage:
      return "pivot_root";
    case remount_stage:
      return "remounting the root read-only";
    default:
      return "the helper ended";
  }
}

struct HelperMessage {
  int stage;  // 0: done
  int error;
};

// The name execveat(fd, "", AT_EMPTY_PATH) gives the program: "dev/fd/N" for the descriptor the child
// executes, relative to a root.
std::string exec_name() {
  return "dev/fd/" + std::to_string(kExecFd);
}

// Linux 5.10 (Debian 11's kernel, with its default LSMs: lockdown, yama, AppArmor, TOMOYO) looks that
// name, "/dev/fd/N", up by path while executing and fails the exec with ENOENT when it does not
// exist, which in an empty root it never does: every run was a judge error there (tests/vm with
// --suite bullseye; on that kernel even a plain execveat fails while /dev/fd is missing, and works once
// it exists; TOMOYO's exec hook, which resolves the program's name, is the likely reader). An empty file
// of that name is enough; 6.1 and later never look. `root_dir`: the root's directory (AT_FDCWD: the
// current one). Async-signal-safe: the helper calls it after fork.
bool make_exec_name(int root_dir, const char* name) {
  char path[64];
  std::size_t n = 0;
  for (const char* p = name; *p && n + 1 < sizeof path; ++p) {
    if (*p == '/') {
      path[n] = '\0';
      if (mkdirat(root_dir, path, 0555) != 0 && errno != EEXIST) return false;
    }
    path[n++] = *p;
  }
  path[n] = '\0';
  const int fd = openat(root_dir, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0444);
  if (fd < 0) return false;
  close(fd);
  return true;
}

// `own_maps` (without root): the helper maps its own ids itself, as a process may for itself alone.
[[noreturn]] void helper(int report, int wait_fd, const int parents_ends[2], int flags,
                         const char* mount_point, const char* const own_maps[2], const char* exec_name) {
  const bool own_user_namespace = flags & CLONE_NEWUSER;
  // The parent's ends: the wait at the end returns only once the parent has closed its write end.
  close(parents_ends[0]);
  close(parents_ends[1]);
  auto fail = [&](int stage) {
    HelperMessage m{stage, errno};
    if (write(report, &m, sizeof m) < 0) _exit(2);
    _exit(1);
  };
  prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  // A launcher that changed its uid without exec is not dumpable, and then not even the helper itself
  // may write its /proc files; the helper has a memory of its own, so this changes nothing else.
  prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
  if (unshare(flags) != 0) fail(unshare_stage);
  if (own_maps[0] && !map_own_ids(own_maps[0], own_maps[1])) fail(maps_stage);
  HelperMessage unshared{0, 0};
  if (write(report, &unshared, sizeof unshared) != sizeof unshared) _exit(2);
  char go = 0;
  if (read(wait_fd, &go, 1) != 1 || go != 'm') fail(maps_stage);
  if (sethostname("proctor", 7) != 0 || setdomainname("(none)", 6) != 0) fail(hostname_stage);
  // A mount namespace owned by a new user namespace already holds only slave mounts (and "/" of a
  // chroot is not a mount point, which this call refuses); without one, nothing may be mounted until
  // every mount is private.
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 && !own_user_namespace) {
    // Root in a chroot (where no user namespace can be made either): nothing can be mounted safely.
    // The other namespaces stand; the runs get an empty directory as their root instead (chroot).
    HelperMessage without_mount{0, 1};
    if (write(report, &without_mount, sizeof without_mount) != sizeof without_mount) _exit(2);
    while (read(wait_fd, &go, 1) > 0) {
    }
    _exit(0);
  }
  if (mount("proctor", mount_point, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0555") != 0) {
    fail(mount_stage);
  }
  if (chdir(mount_point) != 0) fail(pivot_stage);
  if (!make_exec_name(AT_FDCWD, exec_name)) fail(exec_name_stage);
  if (syscall(SYS_pivot_root, ".", ".") != 0 || umount2(".", MNT_DETACH) != 0 || chdir("/") != 0) {
    fail(pivot_stage);
  }
  if (mount(nullptr, "/", nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
            nullptr) != 0) {
    fail(remount_stage);
  }
  HelperMessage ready{0, 0};
  if (write(report, &ready, sizeof ready) != sizeof ready) _exit(2);
  while (read(wait_fd, &go, 1) > 0) {
  }
  _exit(0);
}

bool write_proc(pid_t pid, const char* file, const std::string& text) {
  const std::string path = "/proc/" + std::to_string(pid) + "/" + file;
  ScopedFd fd(open(path.c_str(), O_WRONLY | O_CLOEXEC));
  return fd && write(fd.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

ScopedFd open_ns(pid_t pid, const char* name) {
  const std::string path = "/proc/" + std::to_string(pid) + "/ns/" + name;
  return ScopedFd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
}

std::unique_ptr<PreparedNamespaces> try_prepare(bool root, bool with_user, const std::string& mount_point,
                                                std::string& why_not) {
  int to_helper[2], from_helper[2];
  if (pipe2(to_helper, O_CLOEXEC) != 0) return why_not = std::strerror(errno), nullptr;
  ScopedFd to_read(to_helper[0]), to_write(to_helper[1]);
  if (pipe2(from_helper, O_CLOEXEC) != 0) return why_not = std::strerror(errno), nullptr;
  ScopedFd from_read(from_helper[0]), from_write(from_helper[1]);
  const int flags =
      CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | (with_user ? CLONE_NEWUSER : 0);
  const int parents_ends[2] = {from_read.get(), to_write.get()};
  const std::string uid = std::to_string(geteuid()), gid = std::to_string(getegid());
  const std::string uid_map = uid + " " + uid + " 1\n", gid_map = gid + " " + gid + " 1\n";
  const char* const own_maps[2] = {with_user && !root ? uid_map.c_str() : nullptr, gid_map.c_str()};
  const std::string name = exec_name();
  const pid_t pid = fork();
  if (pid < 0) return why_not = std::string("fork: ") + std::strerror(errno), nullptr;
  if (pid == 0)
    helper(from_write.get(), to_read.get(), parents_ends, flags, mount_point.c_str(), own_maps, name.c_str());
  from_write.reset();
  to_read.reset();
  auto finish = [&](std::string problem) {
    to_write.reset();
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!problem.empty()) why_not = std::move(problem);
  };
  HelperMessage m{};
  auto received = [&] {
    m = HelperMessage{-1, 0};
    return read(from_read.get(), &m, sizeof m) == sizeof m && m.stage == 0;
  };
  auto failure = [&] { return std::string(stage_name(m.stage)) + ": " + std::strerror(m.error); };

  if (!received()) {
    finish(failure());
    return nullptr;
  }
  if (with_user && root) {
    // Every id: the runs' own uids from the reserved range stay what they are on the host.
    const bool mapped =
        write_proc(pid, "uid_map", "0 0 4294967295\n") && write_proc(pid, "gid_map", "0 0 4294967295\n");
    if (!mapped) {
      finish(std::string("writing the user namespace's id maps: ") + std::strerror(errno));
      return nullptr;
    }
  }
  if (write(to_write.get(), "m", 1) != 1 || !received()) {
    finish(failure());
    return nullptr;
  }
  const bool mounted = m.error == 0;
  auto ns = std::make_unique<PreparedNamespaces>();
  if (with_user && !root) {
    ns->user = open_ns(pid, "user");
    ns->names.push_back("user");
  }
  ns->uts = open_ns(pid, "uts");
  ns->ipc = open_ns(pid, "ipc");
  ns->net = open_ns(pid, "net");
  if (mounted) ns->mnt = open_ns(pid, "mnt");
  const bool opened =
      ns->uts && ns->ipc && ns->net && (ns->mnt || !mounted) && (root || !with_user || ns->user);
  finish(opened ? "" : std::string("opening the namespaces: ") + std::strerror(errno));
  if (!opened) return nullptr;
  if (mounted) ns->names.push_back("mount");
  for (const char* name : {"ipc", "uts", "net"}) ns->names.push_back(name);
  if (!mounted) {
    // An empty directory, the runs' root through chroot(2) (as root only; this is the root-only path).
    ns->empty_dir = std::make_unique<TempDir>("proctor-empty-root");
    ScopedFd dir(open(ns->empty_dir->path().c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!dir || !make_exec_name(dir.get(), exec_name().c_str())) {
      why_not = "creating the empty root's /dev/fd entry: " + std::string(std::strerror(errno));
      return nullptr;
    }
    ns->names.push_back("chroot");
  }
  return ns;
}

}  // namespace

std::unique_ptr<PreparedNamespaces> prepare_namespaces(bool root, std::string& why_not) {
  TempDir dir("proctor-root");
  const std::string mount_point = (dir.path() / "root").string();
  std::error_code ec;
  std::filesystem::create_directory(mount_point, ec);
  if (ec) {
    why_not = "cannot create " + mount_point + ": " + ec.message();
    return nullptr;
  }
  if (auto ns = try_prepare(root, true, mount_point, why_not)) return ns;
  // Root where user namespaces are switched off (user.max_user_namespaces=0): the same without one,
  // which works wherever "/" is a mount point that can be made private.
  if (root) {
    std::string first = why_not;
    if (auto ns = try_prepare(root, false, mount_point, why_not)) return ns;
    why_not = first + "; without a user namespace: " + why_not;
  }
  return nullptr;
}

}  // namespace proctor::sandbox
