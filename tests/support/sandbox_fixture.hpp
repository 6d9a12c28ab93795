#pragma once
// The fixture of the sandbox tests on real processes (sandbox_test.cpp, sandbox_timing_test.cpp): the
// whole test process in an outer cgroup, one Sandbox, and run() compiling a small C program and running
// it under given limits.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "c_program.hpp"
#include "outer_cgroup.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::test {

using sandbox::Limits;
using sandbox::Policy;
using sandbox::Profile;
using sandbox::RunReport;
using sandbox::Sandbox;

class SandboxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    outer_ = new OuterCgroup();
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
    std::printf("%s: %s\n", name.c_str(), sandbox::to_json(r).dump().c_str());
    return r;
  }
  std::string out(const std::string& name) { return read_text(dir_.path() / (name + ".out")); }

  TempDirectory dir_;
  static inline Sandbox* sandbox_ = nullptr;
  static inline OuterCgroup* outer_ = nullptr;
};

inline Limits make_limits(std::uint64_t cpu_ms, std::optional<std::uint64_t> wall_ms = std::nullopt,
                          std::uint64_t memory_kb = 256 * 1024) {
  Limits l;
  l.cpu_ms = cpu_ms;
  l.wall_ms = wall_ms;
  l.memory_kb = memory_kb;
  return l;
}

// Spins until it has used 450 ms of CPU time, then exits.
inline constexpr const char* kSpin450 = R"(
#include <time.h>
int main(void) {
  struct timespec t; volatile unsigned long x = 0;
  for (;;) { for (int i = 0; i < 100000; i++) x++;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    if (t.tv_sec * 1000 + t.tv_nsec / 1000000 >= 450) return 0; }
})";

}  // namespace proctor::test
