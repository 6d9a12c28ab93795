// Sandbox::run: prepare everything in the parent (descriptors, Landlock ruleset, seccomp program,
// cgroup, rlimits, argv/envp), launch the child (clone_launch.cpp), which only makes raw syscalls
// until it execs, supervise, reap, clean up, classify.
#include "proctor/sandbox/launch.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cgroup.hpp"
#include "child.hpp"
#include "clone_launch.hpp"
#include "cost_counter.hpp"
#include "empty_root.hpp"
#include "landlock.hpp"
#include "landlock_cache.hpp"
#include "namespaces.hpp"
#include "outcome.hpp"
#include "proctor/sandbox/elf.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "profiles.hpp"
#include "rlimits.hpp"
#include "run_identity.hpp"
#include "scoped_fd.hpp"
#include "seccomp_filter.hpp"
#include "supervise.hpp"

namespace proctor::sandbox {
namespace {

// Keeps C strings alive for argv/envp built in the parent.
struct CStringArray {
  std::vector<std::string> storage;
  std::vector<char*> pointers;
  explicit CStringArray(std::vector<std::string> items) : storage(std::move(items)) {
    for (auto& s : storage) pointers.push_back(s.data());
    pointers.push_back(nullptr);
  }
  char* const* get() { return pointers.data(); }
};

ScopedFd open_output(const std::filesystem::path& path, const char* memfd_name) {
  if (path.empty()) return ScopedFd(memfd_create(memfd_name, MFD_CLOEXEC));
  return ScopedFd(open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600));
}

std::uint64_t size_of(int fd) {
  struct stat st {};
  return fstat(fd, &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

std::uint64_t tv_us(const timeval& tv) {
  return static_cast<std::uint64_t>(tv.tv_sec) * 1'000'000 + static_cast<std::uint64_t>(tv.tv_usec);
}

std::uint64_t process_cpu_ns(clockid_t clock) {
  timespec ts{};
  if (clock_gettime(clock, &ts) != 0) return 0;
  return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000 + static_cast<std::uint64_t>(ts.tv_nsec);
}

// The child's messages: the seccomp listener, or an error. launch_child returns only once the child
// has exec'd or exited, so everything it sent is already queued: read without waiting.
struct Handoff {
  ScopedFd listener;
  ScopedFd counter;
  int counter_error = 0;  // errno of the child's perf_event_open, when it failed
  std::optional<ChildMessage> failure;
};

Handoff receive_handoff(int socket) {
  Handoff h;
  for (;;) {
    ChildMessage msg{};
    iovec iov{&msg, sizeof msg};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr hdr{};
    hdr.msg_iov = &iov;
    hdr.msg_iovlen = 1;
    hdr.msg_control = control;
    hdr.msg_controllen = sizeof control;
    ssize_t n = recvmsg(socket, &hdr, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return h;
    if (msg.kind == 'N' || msg.kind == 'C') {
      cmsghdr* cmsg = CMSG_FIRSTHDR(&hdr);
      if (cmsg && cmsg->cmsg_type == SCM_RIGHTS) {
        int fd;
        std::memcpy(&fd, CMSG_DATA(cmsg), sizeof fd);
        (msg.kind == 'N' ? h.listener : h.counter).reset(fd);
      } else if (msg.kind == 'C') {
        h.counter_error = msg.error;
      }
    } else if (msg.kind == 'E') {
      h.failure = msg;
    }
  }
}

}  // namespace

// What this machine would use for a run: the layers reported when nothing ran.
static Layers planned_layers_for(const Capabilities& caps) {
  Layers planned;
  planned.seccomp = true;
  planned.landlock_abi = caps.landlock_abi;
  planned.cgroup = caps.cgroup;
  planned.memory_limit = caps.cgroup == "none" ? "rlimit-as" : "cgroup-" + caps.cgroup;
  planned.memory_peak = "vmhwm";
  planned.process_limit = "seccomp";
  planned.privileges_dropped = caps.root;
  return planned;
}

struct Sandbox::Impl {
  Capabilities caps;
  CgroupManager cgroups;
  std::mutex mutex;
  std::map<std::pair<Profile, bool>, std::unique_ptr<SeccompProgram>> seccomp;
  std::unique_ptr<LandlockCache> landlock;
  std::once_flag prepared_once;
  std::unique_ptr<PreparedNamespaces> prepared;
  std::string prepared_why_not;

  Impl() {
    caps.root = geteuid() == 0;
    caps.landlock_abi = landlock_abi();
    // Lets tests (and people) see the fallbacks of a kernel without Landlock on one that has it.
    if (const char* off = getenv("PROCTOR_DISABLE_LANDLOCK"); off && *off == '1') caps.landlock_abi = 0;
    landlock = std::make_unique<LandlockCache>(caps.landlock_abi);
    caps.cgroup = cgroups.version();
    caps.mount_namespace = fresh_namespaces_available(caps.root);
    // Only needed, so only probed, without Landlock.
    caps.bind_root = caps.landlock_abi == 0 && caps.mount_namespace && bind_root_available(caps.root);
    // Lets tests see the refusal of a machine that has neither (a container that refuses mount).
    if (const char* off = getenv("PROCTOR_DISABLE_BIND_ROOT"); off && *off == '1') caps.bind_root = false;
    // Without root that one probe creates a user namespace first (it owns the others): no second fork.
    caps.user_namespaces = caps.root || caps.mount_namespace;
    // Probed once (a few microseconds): a machine without the counter should not pay a failing
    // perf_event_open in every child.
    caps.instructions_why_not = probe_cost_counter(CostMeasure::instructions);
    caps.task_clock_why_not = probe_cost_counter(CostMeasure::task_clock);
  }

  // Made on the first program run, then shared by all (joining costs a few setns calls).
  const PreparedNamespaces* empty_root(std::string& why_not) {
    std::call_once(prepared_once, [&] {
      if (const char* off = getenv("PROCTOR_DISABLE_EMPTY_ROOT"); off && *off == '1') {
        prepared_why_not = "switched off by PROCTOR_DISABLE_EMPTY_ROOT";
        return;
      }
      prepared = prepare_namespaces(caps.root, prepared_why_not);
    });
    why_not = prepared_why_not;
    return prepared.get();
  }

  const SeccompProgram& seccomp_for(Profile profile, unsigned threads) {
    std::lock_guard lock(mutex);
    auto& slot = seccomp[{profile, threads > 0}];
    if (!slot) slot = std::make_unique<SeccompProgram>(profile, threads);
    return *slot;
  }

  RunReport run(const Policy& policy);
};

RunReport Sandbox::Impl::run(const Policy& policy) {
  RunReport report;
  auto judge_error = [&](std::string message) {
    report.status = Status::je;
    report.error = std::move(message);
    return report;
  };
  if (policy.argv.empty()) return judge_error("no command to run");
  const Limits& limits = policy.limits;

  // Layers first: refuse to run unconfined unless told to.
  const bool program = policy.profile == Profile::program;
  // Every program run joins the prepared namespaces (an empty read-only root, a neutral host name);
  // compilers and validators, which read host files by path, get fresh namespaces of their own.
  std::string no_empty_root;
  const PreparedNamespaces* joined =
      program && policy.namespaces != Namespaces::off ? empty_root(no_empty_root) : nullptr;
  const bool fresh_namespaces = !program && policy.namespaces != Namespaces::off && caps.mount_namespace;
  if (policy.namespaces == Namespaces::on && !joined && !fresh_namespaces) {
    return judge_error("namespaces were requested but this machine does not allow them" +
                       (no_empty_root.empty() ? std::string() : ": " + no_empty_root));
  }
  // Without Landlock, the compile and checker profiles see only a root of bind mounts of what its rules
  // would have allowed (fresh namespaces are theirs anyway).
  const bool bind_root = caps.landlock_abi == 0 && fresh_namespaces && caps.bind_root &&
                         (policy.profile == Profile::compile || policy.profile == Profile::checker);
  const bool confined = caps.landlock_abi > 0 || joined || bind_root;
  if (!confined && !policy.insecure) {
    const std::string why = program
                                ? "neither Landlock nor an empty-root mount namespace (" + no_empty_root +
                                      ") can confine the file system"
                                : "neither Landlock nor a root of bind mounts (the namespaces or mounts it "
                                  "needs are refused here) can confine the file system";
    return judge_error(why + "; refusing to run the " + to_string(policy.profile) +
                       " profile (use --insecure to run anyway)");
  }
  report.layers.insecure = !confined;

  const std::filesystem::path executable = resolve_executable(policy.argv[0]);
  if (executable.empty()) return judge_error("command not found: " + policy.argv[0]);
  ScopedFd exec_fd(open(executable.c_str(), O_PATH | O_CLOEXEC));
  if (!exec_fd) return judge_error("cannot open " + executable.string() + ": " + std::strerror(errno));
  if (policy.profile == Profile::program) {
    // An image larger than the memory limit (a huge static array) is MLE on every kernel and memory
    // layer alike, without running it (see loaded_image_bytes).
    const std::uint64_t image = loaded_image_bytes(executable);
    if (image > limits.memory_kb * 1024) {
      report.status = Status::mle;
      report.limit = "memory";
      report.memory_kb = image / 1024;
      report.layers = planned_layers_for(caps);
      report.layers.memory_peak = "image";  // the size it would load, not a run's measurement
      return report;
    }
  }

  // A private directory only when something needs one: the program profile needs none.
  std::optional<TempDir> temp;
  std::filesystem::path work_dir = policy.work_dir;
  if (work_dir.empty() && has_work_dir(policy.profile)) {
    temp.emplace("proctor-run");
    work_dir = temp->path() / "work";
    std::filesystem::create_directory(work_dir);
  }
  const bool drop = caps.root;
  const RunIdentity identity = drop ? next_run_identity() : RunIdentity{geteuid(), getegid()};
  if (drop) {
    // The run's user must be able to write its work directory and read its private inputs, and
    // nothing else of ours.
    std::vector<std::filesystem::path> handed = policy.writable;
    if (!work_dir.empty()) handed.push_back(work_dir);
    handed.insert(handed.end(), policy.private_inputs.begin(), policy.private_inputs.end());
    for (const auto& path : handed) {
      if (chown(path.c_str(), identity.uid, identity.gid) != 0) {
        return judge_error("cannot hand " + path.string() + " to the sandbox user: " + std::strerror(errno));
      }
    }
  }

  ScopedFd in(policy.stdin_path.empty() ? open("/dev/null", O_RDONLY | O_CLOEXEC)
                                        : open(policy.stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in)
    return judge_error("cannot open stdin " + policy.stdin_path.string() + ": " + std::strerror(errno));
  ScopedFd out = open_output(policy.stdout_path, "proctor-stdout");
  if (!out)
    return judge_error("cannot create stdout " + policy.stdout_path.string() + ": " + std::strerror(errno));
  ScopedFd err = open_output(policy.stderr_path, "proctor-stderr");
  if (!err)
    return judge_error("cannot create stderr " + policy.stderr_path.string() + ": " + std::strerror(errno));

  std::shared_ptr<const ScopedFd> ruleset;
  if (caps.landlock_abi > 0 && policy.profile == Profile::sanitizer) {
    // Never the cached ruleset: the child adds its own /proc/self to it.
    ruleset = std::make_shared<const ScopedFd>(
        build_landlock_ruleset(caps.landlock_abi, landlock_rules(policy, executable, work_dir)));
    if (!*ruleset) return judge_error(std::string("building the Landlock ruleset: ") + std::strerror(errno));
    report.layers.landlock_abi = caps.landlock_abi;
  } else if (caps.landlock_abi > 0) {
    ruleset = landlock->ruleset(landlock_rules(policy, executable, work_dir));
    if (!ruleset) return judge_error(std::string("building the Landlock ruleset: ") + std::strerror(errno));
    report.layers.landlock_abi = caps.landlock_abi;
  }

  const unsigned tasks = task_limit(policy);
  const bool tree = policy.profile != Profile::program;
  std::unique_ptr<RunCgroup> cgroup = cgroups.create(limits.memory_kb * 1024, tasks, tree);
  if (!cgroup && policy.profile == Profile::sanitizer) {
    return judge_error(
        "the sanitizer profile needs a memory cgroup: AddressSanitizer reserves terabytes of "
        "address space for its shadow memory, which an address-space limit would refuse");
  }
  report.layers.cgroup = cgroup ? caps.cgroup : "none";
  report.layers.memory_limit = cgroup ? "cgroup-" + caps.cgroup : "rlimit-as";
  const bool fork_forbidden = policy.profile == Profile::program && limits.threads == 0;
  report.layers.process_limit = fork_forbidden         ? "seccomp"
                                : cgroup               ? "cgroup-pids"
                                : (drop || !caps.root) ? "rlimit-nproc"
                                                       : "none";

  int sockets[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0) {
    return judge_error(std::string("socketpair: ") + std::strerror(errno));
  }
  ScopedFd parent_end(sockets[0]), child_end(sockets[1]);

  ChildPlan plan;
  plan.stdio[0] = in.get();
  plan.stdio[1] = out.get();
  plan.stdio[2] = err.get();
  plan.exec_fd = exec_fd.get();
  plan.report_fd = child_end.get();
  plan.landlock_fd = ruleset ? ruleset->get() : -1;
  plan.landlock_proc_self = ruleset && policy.profile == Profile::sanitizer;
  if (cgroup) {
    for (std::size_t i = 0; i < cgroup->attach_fds().size() && i < 3; ++i)
      plan.cgroup_fds[i] = cgroup->attach_fds()[i];
  }
  SeccompCopy seccomp(seccomp_for(policy.profile, limits.threads));
  plan.seccomp = &seccomp.fprog;
  plan.seccomp_own_pid_slots = seccomp.own_pid_slots->data();
  plan.seccomp_own_pid_slot_count = seccomp.own_pid_slots->size();
  report.layers.seccomp = true;
  fill_rlimits(policy, {cgroup != nullptr, cgroup != nullptr}, plan);
  // The program learns nothing of the host from its own name: argv[0] is the file name alone. The
  // compiler keeps the name it was given (gcc finds its helpers from it).
  std::vector<std::string> args = policy.argv;
  if (policy.profile != Profile::compile) args[0] = executable.filename().string();
  CStringArray argv(std::move(args)), envp(clean_environment(policy, work_dir));
  plan.argv = argv.get();
  plan.envp = envp.get();
  const std::string work_dir_string = work_dir.string();
  plan.work_dir = work_dir.empty() ? "/" : work_dir_string.c_str();
  plan.drop_privileges = drop;
  plan.uid = identity.uid;
  plan.supervisor = getpid();
  plan.gid = identity.gid;
  report.layers.privileges_dropped = drop;
  NamespacePlan ns;
  std::optional<BindRootPlan> bind_plan;
  if (joined) {
    plan.join_user_fd = joined->user.get();
    plan.join_fds[0] = joined->uts.get();
    plan.join_fds[1] = joined->ipc.get();
    plan.join_fds[2] = joined->net.get();
    plan.join_fds[3] = joined->mnt.get();
    if (joined->empty_dir) plan.chroot_dir = joined->empty_dir->path().c_str();
    report.layers.namespaces = joined->names;
  } else if (fresh_namespaces) {
    ns = namespace_plan(caps.root, policy.profile == Profile::compile);
    if (bind_root) {
      bind_plan.emplace(landlock_rules(policy, executable, work_dir));
      plan.bind_root = &bind_plan->child();
      ns.names.push_back("bind-root");
    }
    plan.clone_flags = ns.clone_flags;
    plan.unshare_flags = ns.unshare_flags;
    plan.uid_map = ns.uid_map.empty() ? nullptr : ns.uid_map.c_str();
    plan.gid_map = ns.gid_map.empty() ? nullptr : ns.gid_map.c_str();
    report.layers.namespaces = ns.names;
  }

  // The cost counter, where asked for and this machine has it (program profile only: the others may
  // call prctl, which could switch a counter off).
  const bool want_cost = policy.cost != CostMeasure::none && program;
  std::string cost_fallback;
  perf_event_attr counter_attr = cost_counter_attr(policy.cost);
  if (want_cost) {
    cost_fallback =
        policy.cost == CostMeasure::instructions ? caps.instructions_why_not : caps.task_clock_why_not;
    if (cost_fallback.empty()) plan.cost_counter = &counter_attr;
  }

  const auto started = std::chrono::steady_clock::now();
  const pid_t pid = launch_child(plan);
  if (pid < 0) return judge_error(std::string("clone failed: ") + std::strerror(errno));
  child_end.reset();

  Handoff handoff = receive_handoff(parent_end.get());
  clockid_t clock{};
  const bool have_clock = clock_getcpuclockid(pid, &clock) == 0;
  SuperviseInput input;
  input.pid = pid;
  input.notify_fd = handoff.listener.get();
  input.cpu_limit_ms = limits.cpu_ms;
  input.wall_limit_ms = limits.effective_wall_ms();
  input.parallelism = policy.profile == Profile::program ? limits.threads + 1
                      : policy.profile == Profile::sanitizer
                          ? 1U
                          : std::max(1U, std::thread::hardware_concurrency());
  input.started = started;
  input.measure_peak_at_exit = exits_go_to_supervisor(policy.profile);
  RunCgroup* cg = cgroup.get();
  input.cpu_ns = [&] {
    if (tree && cg) return cg->cpu_ns();
    return have_clock ? process_cpu_ns(clock) : 0;
  };
  input.kill_all = [&] {
    if (cg) cg->kill_all();
    kill(-pid, SIGKILL);  // the child leads its own process group and session
    kill(pid, SIGKILL);
  };
  SuperviseResult sup = handoff.failure ? SuperviseResult{} : supervise(input);
  if (handoff.failure) {
    // The child failed before exec and exits by itself.
    while (wait4(pid, &sup.wait_status, 0, &sup.usage) < 0 && errno == EINTR) {
    }
    sup.wall_us = 0;
  }
  // Whatever a compiler or validator started dies with it, before its usage is read. (A program
  // cannot start processes; its cgroup is emptied once more when it goes back to the pool.)
  if (tree) {
    if (cg) cg->kill_all();
    kill(-pid, SIGKILL);
  }

  RawFacts facts;
  if (WIFEXITED(sup.wait_status)) facts.exit_code = WEXITSTATUS(sup.wait_status);
  if (WIFSIGNALED(sup.wait_status)) facts.signal = WTERMSIG(sup.wait_status);
  facts.cpu_us = tv_us(sup.usage.ru_utime) + tv_us(sup.usage.ru_stime);
  facts.wall_us = sup.wall_us;
  facts.max_rss_kb = static_cast<std::uint64_t>(sup.usage.ru_maxrss);
  facts.killed_for = sup.killed_for;
  facts.violation = sup.violation;
  if (handoff.failure) {
    facts.setup_failure = to_string(static_cast<ChildStage>(handoff.failure->stage));
    facts.setup_errno = handoff.failure->error;
    facts.setup_failed_at_exec = handoff.failure->stage == static_cast<int>(ChildStage::exec);
  }
  facts.memory_limit_kb = limits.memory_kb;
  std::uint64_t peak_kb = facts.max_rss_kb;
  report.layers.memory_peak = handoff.failure ? "none" : "rusage";
  if (sup.peak_kb) {
    // Also what the RLIMIT_AS rule of classify() compares with the limit: ru_maxrss could make a
    // small program look close to its limit when the launcher is large.
    facts.max_rss_kb = peak_kb = *sup.peak_kb;
    report.layers.memory_peak = "vmhwm";
  }
  if (cg) {
    CgroupUsage usage = cg->usage();
    facts.memory_cgroup = true;
    facts.oom_killed = usage.oom_killed;
    facts.hit_memory_max = usage.hit_memory_max;
    facts.pids_limited = usage.pids_limited;
    // For a run whose exit the supervisor did not see (a crash, a compile): the cgroup's peak, which
    // counts only what was charged after the child joined it (ru_maxrss also holds the launcher's
    // pages the child shared until exec).
    if (cg->reports_peak() && !sup.peak_kb) {
      peak_kb = usage.peak_bytes / 1024;
      report.layers.memory_peak = "cgroup-" + caps.cgroup;
    }
    // rusage covers only children that were waited for; the cgroup saw every task of the tree.
    if (tree) facts.cpu_us = std::max(facts.cpu_us, cg->cpu_ns() / 1000);
  }
  facts.stdout_bytes = size_of(out.get());
  facts.stderr_bytes = size_of(err.get());
  facts.output_limit_bytes = limits.output_bytes;
  facts.writes_files = has_work_dir(policy.profile);
  facts.cpu_limit_ms = limits.cpu_ms;
  facts.wall_limit_ms = limits.effective_wall_ms();

  Outcome outcome = classify(facts);
  if (!sup.error.empty() && outcome.status == Status::ok) {
    outcome.status = Status::je;
    outcome.error = sup.error;
  }
  report.status = outcome.status;
  report.limit = outcome.limit;
  report.error = outcome.error;
  report.cpu_us = facts.cpu_us;
  report.wall_us = facts.wall_us;
  report.memory_kb = peak_kb;
  report.exit_code = facts.exit_code;
  report.signal = facts.signal;
  report.violation = facts.violation;
  report.stdout_bytes = facts.stdout_bytes;
  report.stderr_bytes = facts.stderr_bytes;
  if (want_cost) {
    Cost cost;
    std::optional<std::uint64_t> counted;
    if (handoff.counter) {
      counted = read_cost_counter(handoff.counter.get(), cost_fallback);
    } else if (plan.cost_counter && !handoff.failure) {
      cost_fallback = handoff.counter_error ? describe_counter_error(handoff.counter_error)
                                            : "the run's counter never reached the supervisor";
    }
    if (counted) {
      cost.unit =
          policy.cost == CostMeasure::instructions ? Cost::Unit::instructions : Cost::Unit::task_clock_ns;
      cost.value = *counted;
    } else {
      cost.unit = Cost::Unit::cpu_time_us;
      cost.value = tv_us(sup.usage.ru_utime) + tv_us(sup.usage.ru_stime);
      cost.fallback_reason = cost_fallback;
    }
    report.cost = cost;
  }
  return report;
}

Sandbox::Sandbox() : impl_(std::make_unique<Impl>()) {}
Sandbox::~Sandbox() = default;
const Capabilities& Sandbox::capabilities() const {
  return impl_->caps;
}

RunReport Sandbox::run(const Policy& policy) {
  try {
    return impl_->run(policy);
  } catch (const std::exception& e) {
    RunReport report;
    report.status = Status::je;
    report.error = e.what();
    return report;
  }
}

Layers Sandbox::planned_layers() const {
  return planned_layers_for(impl_->caps);
}

}  // namespace proctor::sandbox
