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
  EXPECT_GE(r.cpu_ms(), 450 * 85 / 100);
  EXPECT_LE(r.cpu_ms(), 450 * 115 / 100);
}

// A program that does nothing takes about a millisecond, start-up included: the report says how long
// to the microsecond, where whole milliseconds said 0 or 1. Milliseconds scaled up would be multiples
// of 1000 every time; real microseconds are not (three runs: a false failure has odds of 1e-9).
TEST_F(SandboxTiming, ATrivialRunIsMeasuredInMicroseconds) {
  bool cpu_fraction = false, wall_fraction = false;
  for (int i = 0; i < 3; ++i) {
    RunReport r = run("trivial", "int main(void){ return 0; }");
    ASSERT_EQ(r.status, Status::ok) << r.error;
    EXPECT_GT(r.cpu_us, 0u);
    EXPECT_GT(r.wall_us, 0u);
    EXPECT_LT(r.cpu_us, 100'000u) << "a trivial program";
    EXPECT_EQ(r.cpu_ms(), r.cpu_us / 1000);
    EXPECT_EQ(r.wall_ms(), r.wall_us / 1000);
    cpu_fraction = cpu_fraction || r.cpu_us % 1000 != 0;
    wall_fraction = wall_fraction || r.wall_us % 1000 != 0;
  }
  EXPECT_TRUE(cpu_fraction) << "CPU time is whole milliseconds";
  EXPECT_TRUE(wall_fraction) << "wall time is whole milliseconds";
}

TEST_F(SandboxTiming, SleepingCountsWallTimeNotCpu) {
  RunReport r = run("sleep300", "#include <unistd.h>\nint main(void){ usleep(300000); return 0; }");
  ASSERT_EQ(r.status, Status::ok) << r.error;
  EXPECT_GE(r.wall_ms(), 280u);
  EXPECT_LT(r.cpu_ms(), 100u);
}

TEST_F(SandboxTiming, CpuLimitEndsTheRunWithinTheWallLimitPlusHalfASecond) {
  const auto start = std::chrono::steady_clock::now();
  RunReport r =
      run("spin", "int main(void){ volatile unsigned long x = 0; for (;;) x++; }", make_limits(300, 2000));
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, Status::tle);
  EXPECT_EQ(r.limit, "cpu");
  EXPECT_GE(r.cpu_ms(), 300u);
  EXPECT_LE(r.cpu_ms(), 400u);  // killed to the millisecond, not at the next whole second of RLIMIT_CPU
  EXPECT_LE(elapsed, 2000 + 500 + 1000);  // compile of the program included: generous
}

TEST_F(SandboxTiming, WallLimitStopsASleeper) {
  RunReport r =
      run("sleeper", "#include <unistd.h>\nint main(void){ sleep(30); return 0; }", make_limits(1000, 500));
  EXPECT_EQ(r.status, Status::tle);
  EXPECT_EQ(r.limit, "wall");
  EXPECT_GE(r.wall_ms(), 500u);
  EXPECT_LE(r.wall_ms(), 1000u);
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
    EXPECT_GE(r.cpu_ms(), 380u);
    EXPECT_LE(r.cpu_ms(), 520u);
  }
}
