#pragma once
// The one entry point: run one command under a Policy and report what happened.
#include <memory>
#include <string>

#include "proctor/sandbox/policy.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {

// What this machine offers, probed once.
struct Capabilities {
  int landlock_abi = 0;
  bool user_namespaces = false;
  bool mount_namespace = false;
  // Fresh namespaces can mount a root of bind mounts (bind_root.hpp): what confines the compile and
  // checker profiles' files where Landlock is missing.
  bool bind_root = false;
  std::string cgroup = "none";  // "v2", "v1" or "none" usable by this process
  bool root = false;
  // Empty when this machine can count the cost measure; otherwise why not (perf_event_open's error).
  std::string instructions_why_not;
  std::string task_clock_why_not;
};

// A Sandbox caches what is costly and independent of one run (seccomp BPF per profile, probes,
// a pool of cgroups). run() is thread-safe: the runner calls it from several threads at once.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const Capabilities& capabilities() const;

  // The layers a program run would use on this machine, for results where nothing ran.
  Layers planned_layers() const;

  // Never throws for the candidate's behaviour; a judge-side failure comes back as Status::je.
  RunReport run(const Policy& policy);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proctor::sandbox
