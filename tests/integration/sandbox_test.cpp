// The sandbox on real processes: measurements, limits, isolation of descriptors, environment and
// files, and which layers it reports. Accuracy bounds are the ones promised in docs/performance.md.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "c_program.hpp"
#include "outer_cgroup.hpp"
#include "proctor/sandbox/launch.hpp"

using namespace proctor::sandbox;
using proctor::test::compile_c;
using proctor::test::read_text;
using proctor::test::TempDirectory;

namespace {

class SandboxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    outer_ = new proctor::test::OuterCgroup();
    std::printf("%s\n", outer_->enter().c_str());
    sandbox_ = new Sandbox();
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    delete outer_;
  }

  RunReport run(const std::string& name, const std::string& source, Limits limits = {},
                Profile profile = Profile::program) {
    auto bin = compile_c(dir_.path(), name, source);
    Policy p;
    p.profile = profile;
    p.argv = {bin.string()};
    p.limits = limits;
    p.stdout_path = dir_.path() / (name + ".out");
    p.stderr_path = dir_.path() / (name + ".err");
    RunReport r = sandbox_->run(p);
    std::printf("%s: %s\n", name.c_str(), to_json(r).dump().c_str());
    return r;
  }
  std::string out(const std::string& name) { return read_text(dir_.path() / (name + ".out")); }

  TempDirectory dir_;
  static inline Sandbox* sandbox_ = nullptr;
  static inline proctor::test::OuterCgroup* outer_ = nullptr;
};

Limits make_limits(std::uint64_t cpu_ms, std::optional<std::uint64_t> wall_ms = std::nullopt,
                   std::uint64_t memory_kb = 256 * 1024) {
  Limits l;
  l.cpu_ms = cpu_ms;
  l.wall_ms = wall_ms;
  l.memory_kb = memory_kb;
  return l;
}

constexpr const char* kSpin450 = R"(
#include <time.h>
int main(void) {
  struct timespec t; volatile unsigned long x = 0;
  for (;;) { for (int i = 0; i < 100000; i++) x++;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    if (t.tv_sec * 1000 + t.tv_nsec / 1000000 >= 450) return 0; }
})";

}  // namespace

TEST_F(SandboxTest, CpuTimeOf450msIsMeasuredWithin15Percent) {
  RunReport r = run("spin450", kSpin450, make_limits(2000));
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_GE(r.cpu_ms, 450 * 85 / 100);
  EXPECT_LE(r.cpu_ms, 450 * 115 / 100);
}

TEST_F(SandboxTest, ThirtyMiBTouchedReportsBetween28And46MiB) {
  RunReport r = run("touch30", R"(
#include <stdlib.h>
int main(void) { volatile char* p = malloc(30 << 20);
  for (size_t i = 0; i < (30u << 20); i += 4096) p[i] = 1; return p[4096] - 1; })",
                    make_limits(1000));
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_GE(r.memory_kb, 28u * 1024);
  EXPECT_LE(r.memory_kb, 46u * 1024);
}

TEST_F(SandboxTest, SleepingCountsWallTimeNotCpu) {
  RunReport r = run("sleep300", "#include <unistd.h>\nint main(void){ usleep(300000); return 0; }");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_GE(r.wall_ms, 280u);
  EXPECT_LT(r.cpu_ms, 100u);
}

TEST_F(SandboxTest, CpuLimitEndsTheRunWithinTheWallLimitPlusHalfASecond) {
  const auto start = std::chrono::steady_clock::now();
  RunReport r = run("spin", "int main(void){ volatile unsigned long x = 0; for (;;) x++; }",
                    make_limits(300, 2000));
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, Status::tle);
  EXPECT_EQ(r.limit, "cpu");
  EXPECT_GE(r.cpu_ms, 300u);
  EXPECT_LE(r.cpu_ms, 400u);  // killed to the millisecond, not at the next whole second of RLIMIT_CPU
  EXPECT_LE(elapsed, 2000 + 500 + 1000);  // compile of the program included: generous
}

TEST_F(SandboxTest, WallLimitStopsASleeper) {
  RunReport r = run("sleeper", "#include <unistd.h>\nint main(void){ sleep(30); return 0; }",
                    make_limits(1000, 500));
  EXPECT_EQ(r.status, Status::tle);
  EXPECT_EQ(r.limit, "wall");
  EXPECT_GE(r.wall_ms, 500u);
  EXPECT_LE(r.wall_ms, 1000u);
}

TEST_F(SandboxTest, ProgramHoldsOnlyTheThreeStandardDescriptors) {
  RunReport r = run("fds", R"(
#include <fcntl.h>
#include <stdio.h>
int main(void) { int n = 0; for (int fd = 0; fd < 1024; fd++) if (fcntl(fd, F_GETFD) != -1) n++;
  printf("%d\n", n); return 0; })");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_EQ(out("fds"), "3\n");
}

TEST_F(SandboxTest, EnvironmentIsCleanAndFixed) {
  setenv("PROCTOR_TEST_LEAK", "should-not-pass", 1);
  RunReport r = run("env", R"(
#include <stdio.h>
extern char** environ;
int main(void) { for (char** e = environ; *e; e++) printf("%s\n", *e); return 0; })");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_EQ(out("env"), "PATH=/usr/local/bin:/usr/bin:/bin\nLANG=C.UTF-8\n");
}

TEST_F(SandboxTest, OwnSessionAndProcessGroup) {
  RunReport r = run("sid", R"(
#include <stdio.h>
#include <unistd.h>
int main(void) { printf("%d\n", getsid(0) == getpid() && getpgrp() == getpid()); return 0; })");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_EQ(out("sid"), "1\n");
}

TEST_F(SandboxTest, LayersAreReportedAsActuallyApplied) {
  RunReport r = run("hello", "#include <stdio.h>\nint main(void){ puts(\"hi\"); return 0; }");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_TRUE(r.layers.seccomp);
  EXPECT_EQ(r.layers.landlock_abi, sandbox_->capabilities().landlock_abi);
  EXPECT_EQ(r.layers.cgroup, sandbox_->capabilities().cgroup);
  EXPECT_EQ(r.layers.privileges_dropped, geteuid() == 0);
  EXPECT_EQ(r.stdout_bytes, 3u);
}

TEST_F(SandboxTest, MissingCommandIsAJudgeErrorNotTheCandidatesFault) {
  Policy p;
  p.argv = {"/nonexistent/proctor-binary"};
  RunReport r = sandbox_->run(p);
  EXPECT_EQ(r.status, Status::je);
  EXPECT_NE(r.error.find("/nonexistent/proctor-binary"), std::string::npos);
}

TEST_F(SandboxTest, CompileProfileBuildsButCannotReadHostFiles) {
  TempDirectory work;
  proctor::test::write_text(work.path() / "ok.c", "int main(void){return 0;}\n");
  proctor::test::write_text(work.path() / "bad.c", "#include \"/etc/passwd\"\n");
  Policy p;
  p.profile = Profile::compile;
  p.limits = make_limits(10000, std::nullopt, 1024 * 1024);
  p.work_dir = work.path();
  p.stderr_path = dir_.path() / "cc.err";
  p.argv = {"gcc", "-static", "-o", "ok", "ok.c"};
  RunReport ok = sandbox_->run(p);
  EXPECT_EQ(ok.status, Status::ok) << read_text(dir_.path() / "cc.err") << ok.error;
  EXPECT_TRUE(std::filesystem::exists(work.path() / "ok"));
  p.argv = {"gcc", "-c", "bad.c"};
  RunReport bad = sandbox_->run(p);
  EXPECT_EQ(bad.status, Status::rte);
  const std::string diag = read_text(dir_.path() / "cc.err");
  EXPECT_NE(diag.find("Permission denied"), std::string::npos) << diag;
  EXPECT_EQ(diag.find("root:x:0:0"), std::string::npos);
}

TEST_F(SandboxTest, ParallelRunsAreMeasuredEachOnTheirOwn) {
  auto bin = compile_c(dir_.path(), "par", kSpin450);
  std::vector<RunReport> reports(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      Policy p;
      p.argv = {bin.string()};
      p.limits.cpu_ms = 3000;
      p.limits.wall_ms = 20000;
      reports[i] = sandbox_->run(p);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : reports) {
    EXPECT_EQ(r.status, Status::ok) << r.error;
    EXPECT_GE(r.cpu_ms, 380u);
    EXPECT_LE(r.cpu_ms, 520u);
  }
}

// Without Landlock (simulated), the program profile falls back to an empty-root mount namespace and
// the compile profile refuses to run unless --insecure is given, which every report then records.
TEST(SandboxWithoutLandlock, FallsBackOrRefusesAndSaysSo) {
  TempDirectory dir;
  auto hello = compile_c(dir.path(), "hello", "#include <stdio.h>\nint main(void){ puts(\"hi\"); return 0; }\n");
  const std::string proctor = PROCTOR_BINARY;
  auto run = [&](const std::string& args) {
    const std::string json = (dir.path() / "r.json").string();
    std::filesystem::remove(json);
    std::string cmd = "PROCTOR_DISABLE_LANDLOCK=1 '" + proctor + "' run --json '" + json + "' " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    int status = pclose(p);
    std::printf("%s", out.c_str());
    nlohmann::json j = std::filesystem::exists(json) ? nlohmann::json::parse(read_text(json)) : nlohmann::json();
    return std::make_pair(WEXITSTATUS(status), j);
  };
  auto [code, program] = run("-- '" + hello.string() + "'");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(program["status"], "OK");
  EXPECT_EQ(program["layers"]["landlock_abi"], 0);
  EXPECT_NE(program["layers"]["namespaces"].dump().find("mount"), std::string::npos);
  EXPECT_EQ(program["layers"]["insecure"], false);

  auto [refused_code, refused] = run("--profile compile -- gcc --version");
  EXPECT_EQ(refused_code, 3);
  EXPECT_EQ(refused["status"], "JE");
  EXPECT_NE(refused["error"].get<std::string>().find("--insecure"), std::string::npos);

  auto [insecure_code, insecure] = run("--profile compile --insecure -- gcc --version");
  EXPECT_EQ(insecure_code, 0);
  EXPECT_EQ(insecure["layers"]["insecure"], true);
}
