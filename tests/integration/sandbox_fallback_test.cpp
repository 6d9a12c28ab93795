// Where a layer is missing, runs must still work and stay apart from each other: no cgroups (a container
// that hides them, a fresh Debian root), no Landlock signal scope (kernels before 6.12). Simulated on this
// machine with PROCTOR_DISABLE_CGROUPS / PROCTOR_DISABLE_LANDLOCK; real processes throughout.
#include <grp.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "c_program.hpp"
#include "proctor/sandbox/launch.hpp"

using namespace proctor::sandbox;
namespace fs = std::filesystem;

namespace {

// A process of the user the sandbox used to run everything as (nobody), alive for the test's duration.
class NobodyProcess {
 public:
  NobodyProcess() {
    pid_ = fork();
    if (pid_ == 0) {
      setgroups(0, nullptr);
      if (setresgid(65534, 65534, 65534) != 0 || setresuid(65534, 65534, 65534) != 0) _exit(127);
      execl("/bin/sleep", "sleep", "60", static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~NobodyProcess() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  bool alive() const { return pid_ > 0 && kill(pid_, 0) == 0; }

 private:
  pid_t pid_ = -1;
};

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
  ~ScopedEnv() { unsetenv(name_); }

 private:
  const char* name_;
};

Policy program(const fs::path& binary) {
  Policy p;
  p.argv = {binary.string()};
  p.limits.cpu_ms = 2000;
  return p;
}

}  // namespace

TEST(SandboxWithoutCgroups, AnotherProcessOfTheOldSandboxUserDoesNotBreakRuns) {
  if (geteuid() != 0) GTEST_SKIP() << "the privilege drop happens only as root";
  ScopedEnv no_cgroups("PROCTOR_DISABLE_CGROUPS", "1");
  proctor::test::TempDirectory dir;
  const fs::path hello = proctor::test::compile_c(
      dir.path(), "hello", "#include <stdio.h>\nint main(void){puts(\"hi\");return 0;}\n");
  // Two: the kernel compares the user's process count with RLIMIT_NPROC at setresuid, before the
  // child itself counts, and refuses the exec when it was already over.
  NobodyProcess other, another;
  ASSERT_TRUE(other.alive() && another.alive());

  Sandbox sandbox;
  ASSERT_EQ(sandbox.capabilities().cgroup, "none");
  for (int i = 0; i < 3; ++i) {
    RunReport r = sandbox.run(program(hello));
    EXPECT_EQ(r.status, Status::ok) << to_json(r).dump();
    EXPECT_EQ(r.layers.cgroup, "none");
    EXPECT_TRUE(r.layers.privileges_dropped);
  }
  // The compile profile forks (gcc, cc1, as, ld) and is limited by RLIMIT_NPROC here.
  const fs::path work = dir.path() / "work";
  fs::create_directory(work);
  proctor::test::write_text(work / "t.c", "int main(void){return 0;}\n");
  Policy compile;
  compile.profile = Profile::compile;
  compile.argv = {"gcc", "-O1", "-static", "-o", "t", "t.c"};
  compile.work_dir = work;
  compile.limits.cpu_ms = 10000;
  compile.limits.memory_kb = 512 * 1024;
  RunReport c = sandbox.run(compile);
  EXPECT_EQ(c.status, Status::ok) << to_json(c).dump();
}
TEST(SandboxWithoutLandlockSignalScope, ARunCannotSignalAnotherRun) {
  if (geteuid() != 0) GTEST_SKIP() << "the privilege drop happens only as root";
  ScopedEnv no_landlock("PROCTOR_DISABLE_LANDLOCK", "1");
  proctor::test::TempDirectory dir;
  const fs::path sleeper = proctor::test::compile_c(
      dir.path(), "sleeper",
      "#include <time.h>\nint main(void){struct timespec t={1,500000000};nanosleep(&t,0);return 0;}\n");
  // kill(-1, SIGKILL): every process this uid may signal. The compile profile is a denylist that allows
  // kill (gcc's driver signals its own children); Landlock's signal scope is what confines it on new
  // kernels, and it is off here.
  const fs::path killer =
      proctor::test::compile_c(dir.path(), "killer",
                               "#include <signal.h>\n#include <stdio.h>\nint "
                               "main(void){if(kill(-1,SIGKILL)!=0)perror(\"kill\");return 0;}\n");

  Sandbox sandbox;
  auto victim = std::async(std::launch::async, [&] { return sandbox.run(program(sleeper)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));  // the victim is asleep by then
  Policy attack;
  attack.profile = Profile::compile;
  attack.argv = {killer.string()};
  attack.insecure = true;  // the compile profile refuses to run without Landlock otherwise
  RunReport a = sandbox.run(attack);
  RunReport v = victim.get();
  EXPECT_EQ(v.status, Status::ok) << "the other run was signalled: " << to_json(v).dump()
                                  << "\nattacker: " << to_json(a).dump();
}

namespace {

// Runs `body` in a child process that first became `uid` (when non-zero) and ran `setup` (when set);
// returns the child's exit code (0: body returned an empty string) and what it reported.
std::pair<int, std::string> in_child(uid_t uid, const std::function<void()>& setup,
                                     const std::function<std::string()>& body) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {-1, "pipe failed"};
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipe_fds[0]);
    if (uid != 0) {
      setgroups(0, nullptr);
      if (setresgid(uid, uid, uid) != 0 || setresuid(uid, uid, uid) != 0) _exit(126);
      // What an exec would do: a process that changed its uid is not dumpable, and its /proc files
      // (uid_map among them) then belong to root; Proctor started by a user is always exec'd.
      prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    }
    if (setup) setup();
    std::string problem;
    try {
      problem = body();
    } catch (const std::exception& e) {
      problem = std::string("exception: ") + e.what();
    }
    if (!problem.empty() && write(pipe_fds[1], problem.data(), problem.size()) < 0) _exit(125);
    _exit(problem.empty() ? 0 : 1);
  }
  close(pipe_fds[1]);
  std::string said;
  char buf[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) said.append(buf, n);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), said};
}

constexpr uid_t kNormalUser = 54321;

// A temporary directory a normal user can work in.
fs::path user_dir(const proctor::test::TempDirectory& dir, const char* name) {
  const fs::path d = dir.path() / name;
  fs::create_directory(d);
  if (chown(d.c_str(), kNormalUser, kNormalUser) != 0) throw std::runtime_error("chown failed");
  return d;
}

const char* kStatHostPath =
    "#define _GNU_SOURCE\n#include <fcntl.h>\n#include <stdio.h>\n#include <sys/stat.h>\n#include "
    "<sys/syscall.h>\n"
    "#include <sys/utsname.h>\n#include <unistd.h>\n"
    "int main(void){struct stat st;struct utsname u;uname(&u);printf(\"host=%s\\n\",u.nodename);"
    "if(syscall(SYS_newfstatat,AT_FDCWD,\"/etc/passwd\",&st,AT_EMPTY_PATH)==0)printf(\"LEAK size=%lld\\n\","
    "(long long)st.st_size);return 0;}\n";

bool has(const std::vector<std::string>& names, const char* name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

// A normal user's compile, on a kernel without Landlock's signal scope (before 6.12), ran with that
// user's uid and could signal any of the user's processes (a concurrent run, the candidate's editor).
// It now runs in a pid namespace of its own, whose first process is the compiler driver.
TEST(SandboxWithoutLandlockSignalScope, ANormalUsersCompileCannotSignalTheUsersOtherProcesses) {
  if (geteuid() != 0) GTEST_SKIP() << "the test becomes a normal user, which needs root";
  proctor::test::TempDirectory dir;
  const fs::path work = user_dir(dir, "work");
  const fs::path killer =
      proctor::test::compile_c(dir.path(), "killer",
                               "#include <signal.h>\n#include <stdio.h>\nint "
                               "main(void){if(kill(-1,SIGKILL)!=0)perror(\"kill\");return 0;}\n");
  auto [code, said] = in_child(
      kNormalUser, [] { setenv("PROCTOR_DISABLE_LANDLOCK", "1", 1); },
      [&]() -> std::string {
        const pid_t victim = fork();
        if (victim == 0) {
          execl("/bin/sleep", "sleep", "30", static_cast<char*>(nullptr));
          _exit(127);
        }
        Sandbox sandbox;
        Policy attack;
        attack.profile = Profile::compile;
        attack.argv = {killer.string()};
        attack.work_dir = work;
        attack.insecure = true;  // the compile profile refuses to run without Landlock otherwise
        RunReport a = sandbox.run(attack);
        int status = 0;
        const bool killed = waitpid(victim, &status, WNOHANG) == victim;
        kill(victim, SIGKILL);
        waitpid(victim, nullptr, 0);
        if (a.status != Status::ok) return "the compile profile did not run: " + to_json(a).dump();
        if (killed) return "the user's other process was killed: " + to_json(a).dump();
        if (!has(a.layers.namespaces, "pid")) return "no pid namespace: " + to_json(a).dump();
        return "";
      });
  EXPECT_EQ(code, 0) << said;
}

// A normal user's program joins the prepared namespaces through a user namespace of the user's own:
// an empty root (nothing to stat) and a neutral host name, as root's runs get.
TEST(SandboxEmptyRoot, ANormalUsersProgramSeesNoHostPathAndANeutralHostName) {
  if (geteuid() != 0) GTEST_SKIP() << "the test becomes a normal user, which needs root";
  proctor::test::TempDirectory dir;
  const fs::path probe = proctor::test::compile_c(dir.path(), "probe", kStatHostPath);
  const fs::path out = user_dir(dir, "out");
  auto [code, said] = in_child(kNormalUser, nullptr, [&]() -> std::string {
    Sandbox sandbox;
    Policy p = program(probe);
    p.stdout_path = out / "stdout";
    RunReport r = sandbox.run(p);
    const std::string printed = proctor::test::read_text(out / "stdout");
    if (r.status != Status::ok) return "run failed: " + to_json(r).dump();
    if (printed != "host=proctor\n") return "the program saw: " + printed + to_json(r).dump();
    for (const char* name : {"user", "mount", "uts"}) {
      if (!has(r.layers.namespaces, name)) return std::string("no ") + name + ": " + to_json(r).dump();
    }
    return "";
  });
  EXPECT_EQ(code, 0) << said;
}

// Docker's default seccomp profile refuses unshare, setns, mount and every clone with a namespace flag
// to a container without CAP_SYS_ADMIN. Proctor must still compile and run there, without the
// namespaces, saying so in `layers`, never with a judge error on every run.
TEST(SandboxInsideDockersDefaultSeccompProfile, CompilesAndRunsWithoutNamespaces) {
  proctor::test::TempDirectory dir;
  const fs::path probe = proctor::test::compile_c(dir.path(), "probe", kStatHostPath);
  const fs::path work = dir.path() / "work";
  fs::create_directory(work);
  proctor::test::write_text(work / "t.c", "int main(void){return 0;}\n");
  auto docker_like = [] {
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    for (int nr :
         {SCMP_SYS(unshare), SCMP_SYS(setns), SCMP_SYS(mount), SCMP_SYS(umount2), SCMP_SYS(pivot_root)}) {
      seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
    }
    for (unsigned long flag : {CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID,
                               CLONE_NEWNET, CLONE_NEWCGROUP}) {
      seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                       SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag));
    }
    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    if (seccomp_load(ctx) != 0) _exit(124);
    seccomp_release(ctx);
  };
  auto [code, said] = in_child(0, docker_like, [&]() -> std::string {
    Sandbox sandbox;
    Policy compile;
    compile.profile = Profile::compile;
    compile.argv = {"gcc", "-O1", "-static", "-o", "t", "t.c"};
    compile.work_dir = work;
    compile.limits.cpu_ms = 10000;
    compile.limits.memory_kb = 512 * 1024;
    RunReport c = sandbox.run(compile);
    if (sandbox.capabilities().landlock_abi == 0) {
      // No Landlock and no namespaces (a kernel before 5.13 in such a container): nothing can confine
      // the files, so both profiles refuse, naming the way out, instead of running unconfined.
      RunReport r = sandbox.run(program(probe));
      for (const RunReport* x : {&c, &r}) {
        if (x->status != Status::je || x->error.find("--insecure") == std::string::npos)
          return "did not refuse naming --insecure: " + to_json(*x).dump();
      }
      return "";
    }
    if (c.status != Status::ok) return "compile: " + to_json(c).dump();
    if (!c.layers.namespaces.empty()) return "compile claims namespaces: " + to_json(c).dump();
    RunReport r = sandbox.run(program(probe));
    if (r.status != Status::ok) return "program: " + to_json(r).dump();
    if (!r.layers.namespaces.empty()) return "program claims namespaces: " + to_json(r).dump();
    if (r.layers.landlock_abi == 0) return "program without Landlock: " + to_json(r).dump();
    return "";
  });
  EXPECT_EQ(code, 0) << said;
}

// Without a cgroup that keeps a peak (none at all, or cgroup v2 before Linux 5.19), memory is the
// program's own high-water mark, read by the supervisor at the program's exit or just before a limit
// kill. wait4's ru_maxrss is not: the child shares the launcher's memory until exec, and the kernel
// folds that peak into it, so a large launcher made a small program look large, and even MLE under
// the RLIMIT_AS rule (90% of the limit). The ballast makes this launcher large.
TEST(SandboxWithoutCgroups, MemoryIsTheProgramsOwnNotTheLaunchers) {
  ScopedEnv no_cgroups("PROCTOR_DISABLE_CGROUPS", "1");
  std::vector<char> ballast(96u << 20);
  std::fill(ballast.begin(), ballast.end(), 1);
  proctor::test::TempDirectory dir;
  const fs::path tiny = proctor::test::compile_c(dir.path(), "tiny", "int main(void){return 0;}\n");
  const fs::path thirty = proctor::test::compile_c(dir.path(), "thirty",
                                                   "#include <stdlib.h>\n#include <string.h>\n"
                                                   "int main(void){volatile char*p=malloc(30<<20);"
                                                   "for(int i=0;i<30<<20;i+=4096)p[i]=7;return 0;}\n");
  const fs::path spin = proctor::test::compile_c(dir.path(), "spin",
                                                 "#include <stdlib.h>\n#include <string.h>\n"
                                                 "int main(void){volatile char*p=malloc(16<<20);"
                                                 "for(int i=0;i<16<<20;i+=4096)p[i]=7;"
                                                 "for(volatile unsigned long i=0;;++i){}}\n");
  const fs::path crash = proctor::test::compile_c(dir.path(), "crash",
                                                  "int main(void){volatile int*p=0;return *p;}\n");
  Sandbox sandbox;
  ASSERT_EQ(sandbox.capabilities().cgroup, "none");
  constexpr std::uint64_t kMiB = 1024;

  Policy p = program(tiny);
  p.limits.memory_kb = 64 * kMiB;
  RunReport r = sandbox.run(p);
  EXPECT_EQ(r.status, Status::ok) << to_json(r).dump();
  EXPECT_EQ(r.layers.memory_peak, "vmhwm");
  EXPECT_LT(r.memory_kb, 8 * kMiB) << "the launcher holds 96 MiB";

  p = program(thirty);
  p.limits.memory_kb = 64 * kMiB;
  r = sandbox.run(p);
  EXPECT_EQ(r.status, Status::ok) << to_json(r).dump();
  EXPECT_EQ(r.layers.memory_peak, "vmhwm");
  EXPECT_GE(r.memory_kb, 30 * kMiB);
  EXPECT_LT(r.memory_kb, 40 * kMiB);

  // Killed at its CPU limit: measured just before the kill.
  p = program(spin);
  p.limits.cpu_ms = 1000;
  p.limits.memory_kb = 64 * kMiB;
  r = sandbox.run(p);
  EXPECT_EQ(r.status, Status::tle) << to_json(r).dump();
  EXPECT_EQ(r.layers.memory_peak, "vmhwm");
  EXPECT_GE(r.memory_kb, 16 * kMiB);
  EXPECT_LT(r.memory_kb, 40 * kMiB);

  // A crash leaves no exit to measure: the result says its figure is ru_maxrss, and the verdict
  // stays the crash.
  p = program(crash);
  r = sandbox.run(p);
  EXPECT_EQ(r.status, Status::rte) << to_json(r).dump();
  EXPECT_EQ(r.layers.memory_peak, "rusage");
  EXPECT_EQ(ballast[12345], 1);
}

namespace {

// Without Landlock the compile profile runs in a root of bind mounts: the toolchain read-only, its
// work directory writable, nothing else of the host. Returns what went wrong ("" when nothing).
std::string compile_sees_only_its_root(const fs::path& work, const fs::path& secret, const fs::path& escape) {
  const fs::path outputs = escape.parent_path();
  proctor::test::write_text(work / "t.c", "int main(void){return 0;}\n");
  Sandbox sandbox;
  if (sandbox.capabilities().landlock_abi != 0) return "Landlock was not switched off";
  if (!sandbox.capabilities().bind_root) return "no bind root on this machine";
  Policy p;
  p.profile = Profile::compile;
  p.argv = {"/bin/sh", "-c",
            "cat " + secret.string() + "; ls /home /root /proc/self; echo escaped > " + escape.string() +
                "; echo inside > inside.txt; gcc -static -O1 -o t t.c; echo compiled $?"};
  p.work_dir = work;
  p.stdout_path = outputs / "compile.out";
  p.stderr_path = outputs / "compile.err";
  p.limits.cpu_ms = 20000;
  p.limits.memory_kb = 512 * 1024;
  RunReport r = sandbox.run(p);
  const std::string out = proctor::test::read_text(p.stdout_path), err = proctor::test::read_text(p.stderr_path);
  const std::string report = to_json(r).dump() + "\nstdout: " + out + "\nstderr: " + err;
  if (r.status != Status::ok) return "the compile profile did not run: " + report;
  if (r.layers.insecure || !has(r.layers.namespaces, "bind-root")) return "layers do not say bind-root: " + report;
  if (out.find("SECRET") != std::string::npos) return "a host file outside the root was read: " + report;
  if (fs::exists(escape)) return "a host path outside the work directory was written: " + report;
  if (out.find("compiled 0") == std::string::npos || !fs::exists(work / "t")) return "gcc failed: " + report;
  if (proctor::test::read_text(work / "inside.txt") != "inside\n") return "the work directory is not writable: " + report;
  return "";
}

}  // namespace

TEST(SandboxWithoutLandlock, TheCompileProfileSeesOnlyTheToolchainAndItsWorkDirectory) {
  ScopedEnv no_landlock("PROCTOR_DISABLE_LANDLOCK", "1");
  proctor::test::TempDirectory dir;
  fs::create_directory(dir.path() / "work");
  proctor::test::write_text(dir.path() / "secret.txt", "SECRET\n");
  EXPECT_EQ(compile_sees_only_its_root(dir.path() / "work", dir.path() / "secret.txt", dir.path() / "escaped"), "");
}

TEST(SandboxWithoutLandlock, ANormalUsersCompileSeesOnlyTheToolchainAndItsWorkDirectory) {
  if (geteuid() != 0) GTEST_SKIP() << "the test becomes a normal user, which needs root";
  proctor::test::TempDirectory dir;
  const fs::path work = user_dir(dir, "work");
  const fs::path mine = user_dir(dir, "mine");  // the user's own files, readable by the user
  proctor::test::write_text(mine / "secret.txt", "SECRET\n");
  chown((mine / "secret.txt").c_str(), kNormalUser, kNormalUser);
  auto [code, said] = in_child(
      kNormalUser, [] { setenv("PROCTOR_DISABLE_LANDLOCK", "1", 1); },
      [&] { return compile_sees_only_its_root(work, mine / "secret.txt", mine / "escaped"); });
  EXPECT_EQ(code, 0) << said;
}
