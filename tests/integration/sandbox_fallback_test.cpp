// Where a layer is missing, runs must still work and stay apart from each other: no cgroups (a container
// that hides them, a fresh Debian root), no Landlock signal scope (kernels before 6.12). Simulated on this
// machine with PROCTOR_DISABLE_CGROUPS / PROCTOR_DISABLE_LANDLOCK; real processes throughout.
#include <grp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

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
