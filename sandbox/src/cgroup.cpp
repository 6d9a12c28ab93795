// Run cgroups. v2 is used where this process's cgroup is delegated to it (systemd user scopes);
// v1 where the memory and pids hierarchies are writable (root). A v2 run gets a fresh cgroup, so its
// peak and OOM counters start at zero; v1 cgroups are pooled and measured against baselines taken
// when each run starts (V1Cgroup::reset).
#include "cgroup.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
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

int open_procs(const std::string& dir) {
  return open((dir + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC);
}

}  // namespace

class V1Cgroup final : public RunCgroup {
 public:
  V1Cgroup(std::string memory, std::string pids, std::string cpuacct)
      : memory_(std::move(memory)), pids_(std::move(pids)), cpuacct_(std::move(cpuacct)) {}
  ~V1Cgroup() override {
    kill_all();
    close_memory();
    for (int* fd : {&pids_procs_, &cpuacct_procs_}) {
      if (*fd >= 0) close(*fd);
    }
    for (const auto* dir : {&memory_, &pids_, &cpuacct_}) {
      if (!dir->empty()) remove_dir(*dir);
    }
  }

  // Creates the directories and opens every control file a run needs, once for the cgroup's life.
  bool create() {
    if (!open_memory()) return false;
    if (!pids_.empty()) {
      if (mkdir(pids_.c_str(), 0700) != 0 || (pids_procs_ = open_procs(pids_)) < 0) return false;
      pids_max_ = cgfs::ControlFile(pids_ + "/pids.max", true);
      pids_current_ = cgfs::ControlFile(pids_ + "/pids.current", false);
      pids_events_ = cgfs::ControlFile(pids_ + "/pids.events", false);
      if (!pids_max_.is_open() || !pids_current_.is_open()) return false;
    }
    if (!cpuacct_.empty()) {
      if (mkdir(cpuacct_.c_str(), 0700) != 0 || (cpuacct_procs_ = open_procs(cpuacct_)) < 0) return false;
      cpuacct_usage_ = cgfs::ControlFile(cpuacct_ + "/cpuacct.usage", true);
    }
    return true;
  }

  // Before each run. A reused memory cgroup still holds what earlier runs left charged (page cache of
  // files they wrote, kernel objects freed late): that is taken as the baseline, subtracted from the
  // peak and added to the limit, so the program gets exactly its limit and its own peak. When more than
  // kMaxLeftover is left, the memory cgroup is made fresh instead. Counters that only grow (failcnt,
  // OOM kills, refused forks) are compared with their values at the end of the previous run.
  bool reset(std::uint64_t memory_bytes, unsigned max_tasks, bool tree_cpu) {
    if (used_) {
      auto leftover = memory_usage_.read_u64();
      if (!leftover || *leftover > kMaxLeftover) {
        close_memory();
        remove_dir(memory_);
        if (!open_memory()) return false;
        limit_ = kUnlimited;
        counters_known_ = false;
      }
    }
    used_ = true;
    known_empty_ = false;
    // The watermark restarts from the current usage, which is then the baseline.
    if (!memory_max_usage_.write(0)) return false;
    baseline_ = memory_max_usage_.read_u64().value_or(0);
    // Rounded up to 64 KiB, so that a few pages more or less left over do not cost a write.
    const std::uint64_t limit = memory_bytes + ((baseline_ + 0xFFFF) & ~std::uint64_t{0xFFFF});
    if (limit != limit_) {
      // memsw (memory + swap, where present) may never be below the memory limit: without it, swap
      // would let a program exceed the limit unnoticed.
      if (limit > limit_) {
        memory_memsw_limit_.write(limit);
        if (!memory_limit_.write(limit)) return false;
      } else {
        if (!memory_limit_.write(limit)) return false;
        memory_memsw_limit_.write(limit);
      }
      limit_ = limit;
    }
    if (!counters_known_) {
      failcnt_baseline_ = memory_failcnt_.read_u64().value_or(0);
      oom_kill_baseline_ = memory_oom_control_.read_u64("oom_kill").value_or(0);
      pids_baseline_ = pids_events_.read_u64("max").value_or(0);
    }
    if (!pids_.empty() && max_tasks != max_tasks_) {
      if (!pids_max_.write(max_tasks)) return false;
      max_tasks_ = max_tasks;
    }
    // The CPU of the whole tree is needed for compile and checker runs only (a program's own CPU comes
    // from its rusage): the program does not join cpuacct at all.
    attach_.assign({memory_procs_});
    if (!pids_.empty()) attach_.push_back(pids_procs_);
    if (tree_cpu && cpuacct_usage_.is_open()) {
      cpuacct_usage_.write(0);
      attach_.push_back(cpuacct_procs_);
    }
    return true;
  }

  // Reusable only when no task is charged any more: killed orphans are reaped by init a little later,
  // and until then they still count against pids.max.
  bool empty() const {
    if (known_empty_) return true;
    if (pids_current_.is_open()) return pids_current_.read_u64().value_or(1) == 0;
    auto procs = cgfs::read_file(memory_ + "/cgroup.procs");
    return procs && procs->find_first_not_of(" \n") == std::string::npos;
  }
  // Nothing can join an empty cgroup but the sandbox's own next child: no need to look again.
  void mark_empty() { known_empty_ = true; }
  const std::vector<int>& attach_fds() const override { return attach_; }
  std::uint64_t cpu_ns() const override { return cpuacct_usage_.read_u64().value_or(0); }
  CgroupUsage usage() const override {
    CgroupUsage u;
    // What earlier runs left may be freed during this one (kernel objects released after a grace
    // period): then what is still charged once the run is reaped is the better baseline, else a small
    // program's peak would not rise above the baseline at all.
    const std::uint64_t peak = memory_max_usage_.read_u64().value_or(0);
    const std::uint64_t base = std::min(baseline_, memory_usage_.read_u64().value_or(baseline_));
    u.peak_bytes = peak > base ? peak - base : 0;
    const std::uint64_t failcnt = memory_failcnt_.read_u64().value_or(0);
    const std::uint64_t oom_kills = memory_oom_control_.read_u64("oom_kill").value_or(0);
    const std::uint64_t refused = pids_events_.read_u64("max").value_or(0);
    u.oom_killed = oom_kills > oom_kill_baseline_;
    u.hit_memory_max = failcnt > failcnt_baseline_;
    u.pids_limited = refused > pids_baseline_;
    // Nothing runs in the cgroup between this run and the next: these are the next run's baselines.
    failcnt_baseline_ = failcnt;
    oom_kill_baseline_ = oom_kills;
    pids_baseline_ = refused;
    counters_known_ = true;
    return u;
  }
  void kill_all() override {
    // The pids hierarchy sees every task even if the memory one were left; both are checked.
    if (!pids_.empty()) kill_listed(pids_ + "/cgroup.procs");
    kill_listed(memory_ + "/cgroup.procs");
  }

 private:
  // Above this, a reused memory cgroup is replaced by a fresh one (see reset()).
  static constexpr std::uint64_t kMaxLeftover = 1 << 20;
  // A fresh memory cgroup's limits: lowering them must write memory before memory+swap.
  static constexpr std::uint64_t kUnlimited = ~std::uint64_t{0};

  bool open_memory() {
    if (mkdir(memory_.c_str(), 0700) != 0 || (memory_procs_ = open_procs(memory_)) < 0) return false;
    memory_limit_ = cgfs::ControlFile(memory_ + "/memory.limit_in_bytes", true);
    memory_memsw_limit_ = cgfs::ControlFile(memory_ + "/memory.memsw.limit_in_bytes", true);
    memory_max_usage_ = cgfs::ControlFile(memory_ + "/memory.max_usage_in_bytes", true);
    memory_usage_ = cgfs::ControlFile(memory_ + "/memory.usage_in_bytes", false);
    memory_failcnt_ = cgfs::ControlFile(memory_ + "/memory.failcnt", false);
    memory_oom_control_ = cgfs::ControlFile(memory_ + "/memory.oom_control", false);
    return memory_limit_.is_open() && memory_max_usage_.is_open() && memory_usage_.is_open();
  }
  // A memory cgroup cannot be removed while its files are open.
  void close_memory() {
    if (memory_procs_ >= 0) close(memory_procs_);
    memory_procs_ = -1;
    for (auto* file : {&memory_limit_, &memory_memsw_limit_, &memory_max_usage_, &memory_usage_,
                       &memory_failcnt_, &memory_oom_control_}) {
      *file = cgfs::ControlFile();
    }
  }

  std::string memory_, pids_, cpuacct_;
  int memory_procs_ = -1, pids_procs_ = -1, cpuacct_procs_ = -1;
  cgfs::ControlFile memory_limit_, memory_memsw_limit_, memory_max_usage_, memory_usage_, memory_failcnt_,
      memory_oom_control_;
  cgfs::ControlFile pids_max_, pids_current_, pids_events_, cpuacct_usage_;
  std::vector<int> attach_;
  std::uint64_t limit_ = kUnlimited, baseline_ = 0;
  unsigned max_tasks_ = 0;
  mutable std::uint64_t failcnt_baseline_ = 0, oom_kill_baseline_ = 0, pids_baseline_ = 0;
  mutable bool counters_known_ = false;
  bool used_ = false, known_empty_ = false;
};

// A pooled v1 cgroup on loan for one run; it goes back to the pool only once it is empty.
class PooledCgroup final : public RunCgroup {
 public:
  PooledCgroup(std::unique_ptr<V1Cgroup> inner, CgroupManager* owner)
      : inner_(std::move(inner)), owner_(owner) {}
  ~PooledCgroup() override {
    // A program that could not fork left nothing behind once reaped: one read says so.
    if (inner_->empty()) {
      inner_->mark_empty();
    } else {
      inner_->kill_all();
    }
    owner_->give_back(std::move(inner_));
  }
  const std::vector<int>& attach_fds() const override { return inner_->attach_fds(); }
  std::uint64_t cpu_ns() const override { return inner_->cpu_ns(); }
  CgroupUsage usage() const override { return inner_->usage(); }
  bool reports_peak() const override { return inner_->reports_peak(); }
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
    reports_peak_ = access((dir_ + "/memory.peak").c_str(), R_OK) == 0;
    return cgfs::write_file(dir_ + "/pids.max", std::to_string(max_tasks));
  }
  const std::vector<int>& attach_fds() const override { return fds_; }
  std::uint64_t cpu_ns() const override {
    return cgfs::read_keyed(dir_ + "/cpu.stat", "usage_usec").value_or(0) * 1000;
  }
  bool reports_peak() const override { return reports_peak_; }
  CgroupUsage usage() const override {
    CgroupUsage u;
    if (reports_peak_) u.peak_bytes = cgfs::read_u64(dir_ + "/memory.peak").value_or(0);
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
  bool reports_peak_ = false;
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

// Control files end in a newline and may separate words by any white space: "cpu memory pids\n" holds
// "pids" (found by the VM suite: a delegated cgroup listing pids last was taken for one without it).
bool has_words(const std::string& text, std::initializer_list<const char*> words) {
  std::string all = " " + text + " ";
  for (char& c : all) {
    if (c == '\n' || c == '\t') c = ' ';
  }
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

// Run cgroups of a Proctor process that was killed (SIGKILL leaves no chance to clean up), and the
// leaf each Proctor moves itself into on v2 (a process cannot remove the cgroup it is in, so every
// exit leaves one): killed empty and removed by the next Proctor that uses the same parent.
void sweep_stale(const std::string& base) {
  static const std::regex name(R"(proctor-(\d+)-\d+|proctor-supervisor-(\d+))");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(base, ec)) {
    std::smatch m;
    const std::string file = entry.path().filename().string();
    if (!entry.is_directory(ec) || !std::regex_match(file, m, name)) continue;
    const pid_t owner = static_cast<pid_t>(std::stol(m[1].matched ? m[1].str() : m[2].str()));
    if (kill(owner, 0) == 0 || errno != ESRCH) continue;
    kill_listed(entry.path().string() + "/cgroup.procs");
    remove_dir(entry.path().string());
  }
}

}  // namespace

CgroupManager::CgroupManager() {
  // Lets tests (and people) see the fallbacks of a machine without cgroups, such as a container that
  // hides /sys/fs/cgroup, on one that has them.
  if (const char* off = getenv("PROCTOR_DISABLE_CGROUPS"); off && *off == '1') {
    reason_ = "cgroups disabled by PROCTOR_DISABLE_CGROUPS=1";
    return;
  }
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
    if (!m.pids.empty() && cgfs::writable_dir(m.pids + own_cgroup("pids")))
      v1_pids_ = m.pids + own_cgroup("pids");
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

std::unique_ptr<RunCgroup> CgroupManager::create(std::uint64_t memory_bytes, unsigned max_tasks,
                                                 bool tree_cpu) {
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
    if (cg->reset(memory_bytes, max_tasks, tree_cpu)) {
      return std::make_unique<PooledCgroup>(std::move(cg), this);
    }
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
