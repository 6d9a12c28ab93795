// The sandbox's time measurements on real processes, within the bounds promised in
// docs/performance.md. RUN_SERIAL (tests/CMakeLists.txt): under ctest -j these must not share the
// machine's cores with other tests, or a loaded machine, not the sandbox, would decide the outcome.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "sandbox_fixture.hpp"

using namespace proctor::sandbox;
using proctor::test::compile_c;
using proctor::test::kSpin450;
using proctor::test::make_limits;
using proctor::test::SandboxTest;

namespace {
class SandboxTiming : public SandboxTest {};
}  // namespace

TEST_F(SandboxTiming, CpuTimeOf450msIsMeasuredWithin15Percent) {
  RunReport r = run("spin450", kSpin450, make_limits(2000));
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_GE(r.cpu_ms, 450 * 85 / 100);
  EXPECT_LE(r.cpu_ms, 450 * 115 / 100);
}

TEST_F(SandboxTiming, SleepingCountsWallTimeNotCpu) {
  RunReport r = run("sleep300", "#include <unistd.h>\nint main(void){ usleep(300000); return 0; }");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_GE(r.wall_ms, 280u);
  EXPECT_LT(r.cpu_ms, 100u);
}

TEST_F(SandboxTiming, CpuLimitEndsTheRunWithinTheWallLimitPlusHalfASecond) {
  const auto start = std::chrono::steady_clock::now();
  RunReport r =
      run("spin", "int main(void){ volatile unsigned long x = 0; for (;;) x++; }", make_limits(300, 2000));
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, Status::tle);
  EXPECT_EQ(r.limit, "cpu");
  EXPECT_GE(r.cpu_ms, 300u);
  EXPECT_LE(r.cpu_ms, 400u);  // killed to the millisecond, not at the next whole second of RLIMIT_CPU
  EXPECT_LE(elapsed, 2000 + 500 + 1000);  // compile of the program included: generous
}

TEST_F(SandboxTiming, WallLimitStopsASleeper) {
  RunReport r =
      run("sleeper", "#include <unistd.h>\nint main(void){ sleep(30); return 0; }", make_limits(1000, 500));
  EXPECT_EQ(r.status, Status::tle);
  EXPECT_EQ(r.limit, "wall");
  EXPECT_GE(r.wall_ms, 500u);
  EXPECT_LE(r.wall_ms, 1000u);
}

TEST_F(SandboxTiming, ParallelRunsAreMeasuredEachOnTheirOwn) {
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
