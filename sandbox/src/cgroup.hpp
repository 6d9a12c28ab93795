#pragma once
// One cgroup per run: memory and task limits, peak memory, OOM events, CPU of the whole tree, and a
// way to kill everything inside. v2 (delegated), v1 (root, per-controller hierarchies) or none.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace proctor::sandbox {

struct CgroupUsage {
  std::uint64_t peak_bytes = 0;
  bool oom_killed = false;      // the kernel's OOM killer acted inside the cgroup
  bool hit_memory_max = false;  // an allocation hit the limit (failcnt / memory.events max)
  bool pids_limited = false;    // a fork/clone was refused by the task limit
};

class RunCgroup {
 public:
  virtual ~RunCgroup() = default;
  // cgroup.procs of every hierarchy, opened O_WRONLY|O_CLOEXEC: the child writes "0" to each.
  virtual const std::vector<int>& attach_fds() const = 0;
  virtual std::uint64_t cpu_ns() const = 0;  // CPU of every task that ever ran inside; 0 if unknown
  virtual CgroupUsage usage() const = 0;
  // Whether usage().peak_bytes is a real peak: cgroup v2 has memory.peak only since Linux 5.19.
  virtual bool reports_peak() const { return true; }
  // SIGKILL every task inside and wait until it is empty (bounded).
  virtual void kill_all() = 0;
};

class V1Cgroup;

class CgroupManager {
 public:
  // Probes the machine: "v2", "v1" or "none" (with the reason in unavailable_reason()).
  CgroupManager();
  ~CgroupManager();
  CgroupManager(const CgroupManager&) = delete;
  CgroupManager& operator=(const CgroupManager&) = delete;
  const std::string& version() const { return version_; }
  const std::string& unavailable_reason() const { return reason_; }
  // A cgroup with these limits and zeroed measurements, or nullptr (then the caller falls back to
  // rlimits). `tree_cpu`: the run needs the CPU of its whole process tree (cpu_ns()).
  std::unique_ptr<RunCgroup> create(std::uint64_t memory_bytes, unsigned max_tasks, bool tree_cpu);

 private:
  std::string version_ = "none";
  std::string reason_;
  std::string v2_base_;
  std::string v1_memory_, v1_pids_, v1_cpuacct_;
  // v1 cgroups are reused: mkdir and rmdir of three hierarchies cost about as much as a bare
  // fork+exec. Their counters are reset or taken as baselines for each run, and their control files
  // stay open.
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<V1Cgroup>> pool_;
  friend class PooledCgroup;
  void give_back(std::unique_ptr<V1Cgroup> cgroup);
};

}  // namespace proctor::sandbox
