// classify() decides verdicts from raw facts; each rule here is one a candidate's result depends on.
#include "outcome.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>

using namespace proctor::sandbox;

namespace {

RawFacts base() {
  RawFacts f;
  f.exit_code = 0;
  f.cpu_limit_ms = 1000;
  f.wall_limit_ms = 4000;
  f.memory_limit_kb = 65536;
  f.output_limit_bytes = 1024;
  f.memory_cgroup = true;
  return f;
}

}  // namespace

TEST(Outcome, CleanExitIsOk) {
  EXPECT_EQ(classify(base()).status, Status::ok);
}

TEST(Outcome, NonZeroExitIsRuntimeError) {
  auto f = base();
  f.exit_code = 3;
  EXPECT_EQ(classify(f).status, Status::rte);
}

TEST(Outcome, ViolationOutranksTheSignalItCaused) {
  auto f = base();
  f.exit_code.reset();
  f.signal = SIGKILL;
  f.killed_for = KilledFor::violation;
  f.violation = "clone";
  EXPECT_EQ(classify(f).status, Status::sv);
}

TEST(Outcome, CpuOverLimitIsTleEvenWhenTheProgramFinished) {
  auto f = base();
  f.cpu_us = 1'001'000;
  auto o = classify(f);
  EXPECT_EQ(o.status, Status::tle);
  EXPECT_EQ(o.limit, "cpu");
}

// Times are measured in microseconds, limits are whole milliseconds: a run is over its limit when its
// floored time is, as when times were whole milliseconds (and as the result's time_ms then shows).
TEST(Outcome, LimitsCompareWholeMilliseconds) {
  auto f = base();
  f.cpu_us = 1'000'999;
  EXPECT_EQ(classify(f).status, Status::ok);
  f.cpu_us = 1'001'000;
  EXPECT_EQ(classify(f).limit, "cpu");
  f = base();
  f.wall_us = 4'000'999;
  EXPECT_EQ(classify(f).status, Status::ok);
  f.wall_us = 4'001'000;
  EXPECT_EQ(classify(f).limit, "wall");
}

TEST(Outcome, WallKillIsTleWall) {
  auto f = base();
  f.exit_code.reset();
  f.signal = SIGKILL;
  f.killed_for = KilledFor::wall;
  auto o = classify(f);
  EXPECT_EQ(o.status, Status::tle);
  EXPECT_EQ(o.limit, "wall");
}

TEST(Outcome, SigxcpuFromTheRlimitBackstopIsTle) {
  auto f = base();
  f.exit_code.reset();
  f.signal = SIGXCPU;
  f.cpu_us = 3'001'000;  // the backstop fires a whole second or more past the limit
  EXPECT_EQ(classify(f).status, Status::tle);
}

TEST(Outcome, SigxcpuUnderTheLimitIsTheProgramsOwnRuntimeError) {
  auto f = base();
  f.exit_code.reset();
  f.signal = SIGXCPU;  // raise(SIGXCPU), or a soft RLIMIT_CPU the program lowered itself
  f.cpu_us = 3000;
  auto o = classify(f);
  EXPECT_EQ(o.status, Status::rte);
  EXPECT_FALSE(o.limit);
}

TEST(Outcome, OomKillIsMle) {
  auto f = base();
  f.exit_code.reset();
  f.signal = SIGKILL;
  f.oom_killed = true;
  auto o = classify(f);
  EXPECT_EQ(o.status, Status::mle);
  EXPECT_EQ(o.limit, "memory");
}

TEST(Outcome, CaughtAllocationFailureUnderRlimitIsStillMle) {
  auto f = base();
  f.memory_cgroup = false;
  f.max_rss_kb = 63000;  // the program touched almost all it could get, then exited 0
  EXPECT_EQ(classify(f).status, Status::mle);
}

TEST(Outcome, ModestMemoryUnderRlimitIsOk) {
  auto f = base();
  f.memory_cgroup = false;
  f.max_rss_kb = 20000;
  EXPECT_EQ(classify(f).status, Status::ok);
}

TEST(Outcome, ExecFailingForLackOfMemoryIsMle) {
  auto f = base();
  f.setup_failure = "execveat";
  f.setup_errno = ENOMEM;
  f.setup_failed_at_exec = true;
  EXPECT_EQ(classify(f).status, Status::mle);
}

TEST(Outcome, OtherSetupFailuresAreTheJudgesFault) {
  auto f = base();
  f.setup_failure = "landlock_restrict_self";
  f.setup_errno = EPERM;
  auto o = classify(f);
  EXPECT_EQ(o.status, Status::je);
  EXPECT_NE(o.error.find("landlock_restrict_self"), std::string::npos);
}

TEST(Outcome, OutputOverLimitIsOle) {
  auto f = base();
  f.stdout_bytes = 1025;
  EXPECT_EQ(classify(f).status, Status::ole);
  auto g = base();
  g.exit_code.reset();
  g.signal = SIGXFSZ;
  g.writes_files = true;  // compile/checker: a file we do not measure reached RLIMIT_FSIZE
  EXPECT_EQ(classify(g).status, Status::ole);
}

TEST(Outcome, SigxfszWithoutOutputOverTheLimitIsTheProgramsOwnRuntimeError) {
  auto f = base();
  f.exit_code.reset();
  f.signal = SIGXFSZ;  // raise(SIGXFSZ) with nothing written
  auto o = classify(f);
  EXPECT_EQ(o.status, Status::rte);
  EXPECT_FALSE(o.limit);
}

TEST(Outcome, OutputExactlyAtLimitIsOk) {
  auto f = base();
  f.stdout_bytes = 1024;
  f.stderr_bytes = 1024;
  EXPECT_EQ(classify(f).status, Status::ok);
}
