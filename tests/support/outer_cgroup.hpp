#pragma once
// An outer cgroup around a whole test process, so that a sandbox bug (a fork or memory bomb that gets
// out) fails the test instead of taking the machine down. The cgroup is created as a child of the
// cgroup the test already runs in (never at the hierarchy's root: that would leave whatever limits the
// test was started under) with pids.max = 1024 and a 4 GiB memory limit; the process moves itself in,
// and at the end moves back, kills whatever is left inside (its own descendants) and removes it.
//
// cgroup v1 (memory and pids hierarchies) when root; cgroup v2 when /sys/fs/cgroup is cgroup2 and the
// test is the only process of its cgroup (or that cgroup is the root); otherwise nothing is done and
// enter() says so.
#include <signal.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace proctor::test {

class OuterCgroup {
 public:
  static constexpr const char* kMemoryBytes = "4294967296";
  static constexpr const char* kPidsMax = "1024";

  OuterCgroup() = default;
  ~OuterCgroup() { leave(); }
  OuterCgroup(const OuterCgroup&) = delete;
  OuterCgroup& operator=(const OuterCgroup&) = delete;

  // Returns one line for the test log describing what happened.
  std::string enter() {
    if (geteuid() != 0) return "not root: running without an outer cgroup";
    struct statfs fs_info {};
    if (statfs("/sys/fs/cgroup", &fs_info) == 0 && fs_info.f_type == kCgroup2Magic) return enter_v2();
    return enter_v1();
  }

  void leave() {
    if (v2_) {
      leave_v2();
    } else {
      for (auto it = v1_.rbegin(); it != v1_.rend(); ++it) {
        write_file(it->original / "cgroup.procs", std::to_string(getpid()));
        remove_tree(it->created);
      }
    }
    v1_.clear();
  }

  bool active() const { return v2_ || !v1_.empty(); }

  // "controller:/path" of the outer cgroup as /proc/PID/cgroup spells it ("" controller for v2), or "".
  std::string scope() const {
    if (v2_) return ":/" + outer_.lexically_relative("/sys/fs/cgroup").string();
    for (const auto& e : v1_)
      if (e.created.string().rfind("/sys/fs/cgroup/pids/", 0) == 0)
        return "pids:/" + e.created.lexically_relative("/sys/fs/cgroup/pids").string();
    return "";
  }

 private:
  static constexpr long kCgroup2Magic = 0x63677270;
  struct Entry {
    std::filesystem::path original;  // where this process was
    std::filesystem::path created;   // the outer cgroup
  };

  static bool write_file(const std::filesystem::path& path, const std::string& value) {
    std::ofstream out(path);
    out << value;
    out.flush();
    return static_cast<bool>(out);
  }

  static std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // Kills what is left in `dir` and its sub-cgroups (processes of this test), then removes them.
  static void remove_tree(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.is_directory()) remove_tree(entry.path());
    for (int attempt = 0; attempt < 200; attempt++) {
      std::istringstream procs(read_file(dir / "cgroup.procs"));
      for (pid_t pid; procs >> pid;)
        if (pid != getpid()) kill(pid, SIGKILL);
      if (rmdir(dir.c_str()) == 0 || errno == ENOENT) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::fprintf(stderr, "outer cgroup: could not remove %s: %s\n", dir.c_str(), std::strerror(errno));
  }

  // controller -> path inside its hierarchy, from /proc/self/cgroup
  static std::map<std::string, std::string> own_cgroups() {
    std::map<std::string, std::string> out;
    std::istringstream in(read_file("/proc/self/cgroup"));
    for (std::string line; std::getline(in, line);) {
      auto a = line.find(':'), b = line.find(':', a + 1);
      if (a == std::string::npos || b == std::string::npos) continue;
      std::istringstream controllers(line.substr(a + 1, b - a - 1));
      for (std::string c; std::getline(controllers, c, ',');) out[c] = line.substr(b + 1);
      if (a + 1 == b) out[""] = line.substr(b + 1);  // the v2 line "0::/path"
    }
    return out;
  }

  std::string name() const { return "proctor-hostile-" + std::to_string(getpid()); }

  std::string enter_v1() {
    auto own = own_cgroups();
    std::string description = "outer cgroup v1:";
    for (const char* controller : {"pids", "memory"}) {
      std::filesystem::path base = std::filesystem::path("/sys/fs/cgroup") / controller;
      if (!own.count(controller) || !std::filesystem::exists(base / "cgroup.procs")) {
        leave();
        return std::string("no cgroup v1 ") + controller + " hierarchy: running without an outer cgroup";
      }
      Entry e;
      e.original = base / std::filesystem::path(own[controller]).relative_path();
      e.created = e.original / name();
      if (mkdir(e.created.c_str(), 0755) != 0) {
        std::string why = std::strerror(errno);
        leave();
        return "cannot create " + e.created.string() + " (" + why + "): running without an outer cgroup";
      }
      v1_.push_back(e);
      bool limited = std::string(controller) == "pids"
                         ? write_file(e.created / "pids.max", kPidsMax)
                         : write_file(e.created / "memory.limit_in_bytes", kMemoryBytes);
      if (!limited || !write_file(e.created / "cgroup.procs", std::to_string(getpid()))) {
        leave();
        return "cannot configure or join " + e.created.string() + ": running without an outer cgroup";
      }
      description += " " + e.created.string();
    }
    return description + " (pids.max " + kPidsMax + ", memory " + kMemoryBytes + " bytes)";
  }

  std::string enter_v2() {
    auto own = own_cgroups();
    std::filesystem::path root = "/sys/fs/cgroup";
    parent_ = root / std::filesystem::path(own[""]).relative_path();
    parent_is_root_ = parent_ == root || parent_ == root / "";
    std::istringstream procs(read_file(parent_ / "cgroup.procs"));
    std::vector<pid_t> members;
    for (pid_t pid; procs >> pid;) members.push_back(pid);
    if (!parent_is_root_ && (members.size() != 1 || members[0] != getpid()))
      return "cgroup v2: " + parent_.string() + " holds other processes: running without an outer cgroup";
    outer_ = parent_ / name();
    leaf_ = outer_ / "test";
    if (mkdir(outer_.c_str(), 0755) != 0 || mkdir(leaf_.c_str(), 0755) != 0) {
      rmdir(outer_.c_str());
      return "cgroup v2: cannot create " + outer_.string() + ": running without an outer cgroup";
    }
    v2_ = true;
    bool ok = write_file(leaf_ / "cgroup.procs", std::to_string(getpid()));
    if (ok && !parent_is_root_) {
      enabled_in_parent_ = write_file(parent_ / "cgroup.subtree_control", "+memory +pids");
      ok = enabled_in_parent_;
    }
    ok = ok && write_file(outer_ / "memory.max", kMemoryBytes) && write_file(outer_ / "pids.max", kPidsMax);
    // The sandbox under test makes its run cgroups below the leaf this process sits in: it needs the
    // controllers there, as systemd delegates them (without this it silently fell back to rlimits).
    ok = ok && write_file(outer_ / "cgroup.subtree_control", "+memory +pids");
    if (!ok) {
      leave();
      return "cgroup v2: cannot configure " + outer_.string() + ": running without an outer cgroup";
    }
    return "outer cgroup v2: " + outer_.string() + " (pids.max " + kPidsMax + ", memory.max " + kMemoryBytes +
           ")";
  }

  void leave_v2() {
    // A process may not move into a non-root cgroup that distributes domain controllers: undo that first.
    write_file(outer_ / "cgroup.subtree_control", "-memory -pids");
    if (enabled_in_parent_) write_file(parent_ / "cgroup.subtree_control", "-memory -pids");
    write_file(parent_ / "cgroup.procs", std::to_string(getpid()));
    remove_tree(outer_);
    v2_ = false;
    enabled_in_parent_ = false;
  }

  std::vector<Entry> v1_;
  bool v2_ = false;
  bool parent_is_root_ = false;
  bool enabled_in_parent_ = false;
  std::filesystem::path parent_, outer_, leaf_;
};

}  // namespace proctor::test
