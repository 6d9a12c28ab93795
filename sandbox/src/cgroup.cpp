// Run cgroups. v2 is used where this process's cgroup is delegated to it (systemd user scopes);
// v1 where the memory and pids hierarchies are writable (root). Each run gets a fresh cgroup so its
// peak and OOM counters start at zero.
#include "cgroup.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "cgroup_files.hpp"

namespace proctor::sandbox {
namespace {

std::atomic<unsigned> g_counter{0};

std::string unique_name() {
  return "proctor-" + std::to_string(getpid()) + "-" + std::to_string(g_counter.fetch_add(1));
}

// Kills every task listed in cgroup.procs until none is left, or until about a second has passed.
void kill_listed(const std::string& procs_file) {
  for (int round = 0; round < 200; ++round) {
    auto text = cgfs::read_file(procs_file);
    if (!text || text->find_first_not_of(" \n") == std::string::npos) return;
    std::istringstream in(*text);
    pid_t pid;
    while (in >> pid) kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(round < 20 ? 1 : 5));
  }
}

void remove_dir(const std::string& dir) {
  for (int i = 0; i < 100 && rmdir(dir.c_str()) != 0 && errno == EBUSY; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

int open_procs(const std::string& dir) { return open((dir + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC); }

}  // namespace

class V1Cgroup final : public RunCgroup {
 public:
  V1Cgroup(std::string memory, std::string pids, std::string cpuacct)
      : memory_(std::move(memory)), pids_(std::move(pids)), cpuacct_(std::move(cpuacct)) {}
  ~V1Cgroup() override {
    kill_all();
    for (int fd : fds_) close(fd);
    for (const auto* dir : {&memory_, &pids_, &cpuacct_}) {
      if (!dir->empty()) remove_dir(*dir);
    }
  }
  // Creates the directories; reset() writes the limits, for the first run as for every later one.
  bool create() {
    for (const auto* dir : {&memory_, &pids_, &cpuacct_}) {
      if (dir->empty()) continue;
      if (mkdir(dir->c_str(), 0700) != 0) return false;
      fds_.push_back(open_procs(*dir));
      if (fds_.back() < 0) return false;
    }
    return true;
  }
  // Before each run. The memory cgroup is always fresh: a reused one would still be charged with
  // the previous run's page cache and kernel objects, and a small program's peak would drown in that
  // noise. pids and cpuacct are reused (their counters reset or taken as baselines), which halves the
  // cost of cgroups per run.
  bool reset(std::uint64_t memory_bytes, unsigned max_tasks) {
    if (used_) {
      close(fds_[0]);
      fds_[0] = -1;
      remove_dir(memory_);
      if (mkdir(memory_.c_str(), 0700) != 0) return false;
      fds_[0] = open_procs(memory_);
      if (fds_[0] < 0) return false;
    }
    used_ = true;
    const std::string bytes = std::to_string(memory_bytes);
    if (!cgfs::write_file(memory_ + "/memory.limit_in_bytes", bytes)) return false;
    // Without this, swap (where present) would let a program exceed the limit unnoticed.
    cgfs::write_file(memory_ + "/memory.memsw.limit_in_bytes", bytes);
    if (!pids_.empty() && !cgfs::write_file(pids_ + "/pids.max", std::to_string(max_tasks))) return false;
    if (!cpuacct_.empty()) cgfs::write_file(cpuacct_ + "/cpuacct.usage", "0");
    pids_baseline_ = pids_.empty() ? 0 : cgfs::read_keyed(pids_ + "/pids.events", "max").value_or(0);
    return true;
  }
  // Reusable only when no task is charged any more: killed orphans are reaped by init a little later,
  // and until then they still count against pids.max.
  bool empty() const {
    auto procs = cgfs::read_file(memory_ + "/cgroup.procs");
    if (!procs || procs->find_first_not_of(" \n") != std::string::npos) return false;
    return pids_.empty() || cgfs::read_u64(pids_ + "/pids.current").value_or(1) == 0;
  }
  const std::vector<int>& attach_fds() const override { return fds_; }
  std::uint64_t cpu_ns() const override {
    return cpuacct_.empty() ? 0 : cgfs::read_u64(cpuacct_ + "/cpuacct.usage").value_or(0);
  }
  CgroupUsage usage() const override {
    CgroupUsage u;
    u.peak_bytes = cgfs::read_u64(memory_ + "/memory.max_usage_in_bytes").value_or(0);
    u.oom_killed = cgfs::read_keyed(memory_ + "/memory.oom_control", "oom_kill").value_or(0) > 0;
    u.hit_memory_max = cgfs::read_u64(memory_ + "/memory.failcnt").value_or(0) > 0;
    if (!pids_.empty()) {
      u.pids_limited = cgfs::read_keyed(pids_ + "/pids.events", "max").value_or(0) > pids_baseline_;
    }
    return u;
  }
  void kill_all() override {
    // The pids hierarchy sees every task even if the memory one were left; both are checked.
    if (!pids_.empty()) kill_listed(pids_ + "/cgroup.procs");
    kill_listed(memory_ + "/cgroup.procs");
  }

 private:
  std::string memory_, pids_, cpuacct_;
  std::vector<int> fds_;
  std::uint64_t pids_baseline_ = 0;
  bool used_ = false;
};

// A pooled v1 cgroup on loan for one run; it goes back to the pool only once it is empty.
class PooledCgroup final : public RunCgroup {
 public:
  PooledCgroup(std::unique_ptr<V1Cgroup> inner, CgroupManager* owner) : inner_(std::move(inner)), owner_(owner) {}
  ~PooledCgroup() override {
    inner_->kill_all();
    owner_->give_back(std::move(inner_));
  }
  const std::vector<int>& attach_fds() const override { return inner_->attach_fds(); }
  std::uint64_t cpu_ns() const override { return inner_->cpu_ns(); }
  CgroupUsage usage() const override { return inner_->usage(); }
  void kill_all() override { inner_->kill_all(); }

 private:
  std::unique_ptr<V1Cgroup> inner_;
  CgroupManager* owner_;
};

namespace {

class V2Cgroup final : public RunCgroup {
 public:
  explicit V2Cgroup(std::string dir) : dir_(std::move(dir)) {}
  ~V2Cgroup() override {
    kill_all();
    for (int fd : fds_) close(fd);
    remove_dir(dir_);
  }
  bool setup(std::uint64_t memory_bytes, unsigned max_tasks) {
    if (mkdir(dir_.c_str(), 0700) != 0) return false;
    fds_.push_back(open_procs(dir_));
    if (fds_.back() < 0) return false;
    if (!cgfs::write_file(dir_ + "/memory.max", std::to_string(memory_bytes))) return false;
    cgfs::write_file(dir_ + "/memory.swap.max", "0");
    // Without OOM grouping a multi-process run could lose one task and keep going half-dead.
    cgfs::write_file(dir_ + "/memory.oom.group", "1");
    return cgfs::write_file(dir_ + "/pids.max", std::to_string(max_tasks));
  }
  const std::vector<int>& attach_fds() const override { return fds_; }
  std::uint64_t cpu_ns() const override {
    return cgfs::read_keyed(dir_ + "/cpu.stat", "usage_usec").value_or(0) * 1000;
  }
  CgroupUsage usage() const override {
    CgroupUsage u;
    u.peak_bytes = cgfs::read_u64(dir_ + "/memory.peak").value_or(0);
    u.oom_killed = cgfs::read_keyed(dir_ + "/memory.events", "oom_kill").value_or(0) > 0;
    u.hit_memory_max = cgfs::read_keyed(dir_ + "/memory.events", "max").value_or(0) > 0;
    u.pids_limited = cgfs::read_keyed(dir_ + "/pids.events", "max").value_or(0) > 0;
    return u;
  }
  void kill_all() override {
    if (!cgfs::write_file(dir_ + "/cgroup.kill", "1")) kill_listed(dir_ + "/cgroup.procs");
    for (int i = 0; i < 200; ++i) {
      auto populated = cgfs::read_keyed(dir_ + "/cgroup.events", "populated");
      if (!populated || *populated == 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

 private:
  std::string dir_;
  std::vector<int> fds_;
};

struct Mounts {
  std::string v2;
  std::string memory, pids, cpuacct;
};

Mounts find_mounts() {
  Mounts m;
  std::ifstream in("/proc/self/mountinfo");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id, parent, devno, root, mount_point, options, token;
    fields >> id >> parent >> devno >> root >> mount_point >> options;
    while (fields >> token && token != "-") {
    }
    std::string fstype, source, super_options;
    fields >> fstype >> source >> super_options;
    if (fstype == "cgroup2") {
      m.v2 = mount_point;
    } else if (fstype == "cgroup") {
      std::istringstream opts(super_options);
      std::string opt;
      while (std::getline(opts, opt, ',')) {
        if (opt == "memory") m.memory = mount_point;
        if (opt == "pids") m.pids = mount_point;
        if (opt == "cpuacct") m.cpuacct = mount_point;
      }
    }
  }
  return m;
}

// This process's cgroup path in the hierarchy holding `controller` ("" for the v2 line).
std::string own_cgroup(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    auto first = line.find(':'), second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    std::string controllers = line.substr(first + 1, second - first - 1);
    std::string path = line.substr(second + 1);
    if (controller.empty() ? (controllers.empty() && line.compare(0, 2, "0:") == 0)
                           : ("," + controllers + ",").find("," + controller + ",") != std::string::npos) {
      return path == "/" ? "" : path;
    }
  }
  return "";
}

bool has_words(const std::string& text, std::initializer_list<const char*> words) {
  std::string all = " " + text + " ";
  for (const char* w : words) {
    if (all.find(std::string(" ") + w + " ") == std::string::npos) return false;
  }
  return true;
}

// A delegated v2 cgroup can give runs children only if it holds no process itself: move this
// process into a leaf first, then enable the controllers for the children.
bool prepare_v2(const std::string& base, std::string& reason) {
  auto controllers = cgfs::read_file(base + "/cgroup.controllers");
  if (!controllers || !has_words(*controllers, {"memory", "pids"})) {
    reason = "cgroup v2: memory and pids controllers are not delegated to " + base;
    return false;
  }
  if (!cgfs::writable_dir(base)) {
    reason = "cgroup v2: " + base + " is not writable";
    return false;
  }
  if (cgfs::write_file(base + "/cgroup.subtree_control", "+memory +pids +cpu")) return true;
  if (cgfs::write_file(base + "/cgroup.subtree_control", "+memory +pids")) return true;
  std::string leaf = base + "/proctor-supervisor-" + std::to_string(getpid());
  mkdir(leaf.c_str(), 0755);
  if (cgfs::write_file(leaf + "/cgroup.procs", "0") &&
      cgfs::write_file(base + "/cgroup.subtree_control", "+memory +pids")) {
    cgfs::write_file(base + "/cgroup.subtree_control", "+cpu");
    return true;
  }
  reason = "cgroup v2: cannot enable memory and pids for children of " + base;
  return false;
}

// Run cgroups of a Proctor process that was killed (SIGKILL leaves no chance to clean up): killed
// empty and removed by the next Proctor that uses the same parent.
void sweep_stale(const std::string& base) {
  static const std::regex name(R"(proctor-(\d+)-\d+)");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(base, ec)) {
    std::smatch m;
    const std::string file = entry.path().filename().string();
    if (!entry.is_directory(ec) || !std::regex_match(file, m, name)) continue;
    const pid_t owner = static_cast<pid_t>(std::stol(m[1]));
    if (kill(owner, 0) == 0 || errno != ESRCH) continue;
    kill_listed(entry.path().string() + "/cgroup.procs");
    remove_dir(entry.path().string());
  }
}

}  // namespace

CgroupManager::CgroupManager() {
  Mounts m = find_mounts();
  if (!m.v2.empty() && m.memory.empty()) {
    std::string base = m.v2 + own_cgroup("");
    if (prepare_v2(base, reason_)) {
      version_ = "v2";
      v2_base_ = base;
      sweep_stale(base);
    }
    return;
  }
  if (!m.memory.empty()) {
    std::string memory = m.memory + own_cgroup("memory");
    if (!cgfs::writable_dir(memory)) {
      reason_ = "cgroup v1: " + memory + " is not writable (needs root)";
      return;
    }
    v1_memory_ = memory;
    if (!m.pids.empty() && cgfs::writable_dir(m.pids + own_cgroup("pids"))) v1_pids_ = m.pids + own_cgroup("pids");
    if (!m.cpuacct.empty() && cgfs::writable_dir(m.cpuacct + own_cgroup("cpuacct"))) {
      v1_cpuacct_ = m.cpuacct + own_cgroup("cpuacct");
    }
    version_ = "v1";
    for (const auto* base : {&v1_memory_, &v1_pids_, &v1_cpuacct_}) {
      if (!base->empty()) sweep_stale(*base);
    }
    return;
  }
  reason_ = "no cgroup memory controller is mounted";
}

std::unique_ptr<RunCgroup> CgroupManager::create(std::uint64_t memory_bytes, unsigned max_tasks) {
  const std::string name = unique_name();
  if (version_ == "v2") {
    auto cg = std::make_unique<V2Cgroup>(v2_base_ + "/" + name);
    if (cg->setup(memory_bytes, max_tasks)) return cg;
  } else if (version_ == "v1") {
    std::unique_ptr<V1Cgroup> cg;
    {
      std::lock_guard lock(pool_mutex_);
      for (auto it = pool_.begin(); it != pool_.end(); ++it) {
        if ((*it)->empty()) {
          cg = std::move(*it);
          pool_.erase(it);
          break;
        }
      }
    }
    if (!cg) {
      auto join = [&](const std::string& base) { return base.empty() ? std::string() : base + "/" + name; };
      cg = std::make_unique<V1Cgroup>(join(v1_memory_), join(v1_pids_), join(v1_cpuacct_));
      if (!cg->create()) return nullptr;
    }
    if (cg->reset(memory_bytes, max_tasks)) return std::make_unique<PooledCgroup>(std::move(cg), this);
  }
  return nullptr;
}

// Cgroups still draining stay in the pool (skipped until empty) and are removed with the manager.
void CgroupManager::give_back(std::unique_ptr<V1Cgroup> cgroup) {
  std::lock_guard lock(pool_mutex_);
  if (pool_.size() < 64) pool_.push_back(std::move(cgroup));
}

CgroupManager::~CgroupManager() = default;

}  // namespace proctor::sandbox
