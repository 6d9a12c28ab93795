// Where a layer is missing, runs must still work and stay apart from each other: no cgroups (a container
// that hides them, a fresh Debian root), no Landlock signal scope (kernels before 6.12). Simulated on this
// machine with PROCTOR_DISABLE_CGROUPS / PROCTOR_DISABLE_LANDLOCK; real processes throughout.
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
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
  const fs::path hello = proctor::test::compile_c(dir.path(), "hello", "#include <stdio.h>\nint main(void){puts(\"hi\");return 0;}\n");
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
