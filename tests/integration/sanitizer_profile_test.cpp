// The sanitizer profile against attacks on what it opens beyond the program profile (files read,
// /proc, LeakSanitizer's clone and ptrace): every tests/hostile/sanitizer/*.c, built the way the
// sanitizer pass builds submissions (dynamically, -fsanitize=address,undefined), run in the in-process
// Sandbox and checked with the hostile corpus's own header format and detectors.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "hostile_case.hpp"
#include "outer_cgroup.hpp"
#include "proctor/sandbox/launch.hpp"

namespace {

namespace fs = std::filesystem;
namespace sb = proctor::sandbox;
using namespace proctor::test;

class SanitizerProfileEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    std::printf("%s\n", outer_.enter().c_str());
    sandbox_ = std::make_unique<sb::Sandbox>();
    bin_dir_ = make_temp_dir("proctor-sanitizer-bin", 0755);
  }
  void TearDown() override {
    sandbox_.reset();
    std::error_code ec;
    fs::remove_all(bin_dir_, ec);
    outer_.leave();
  }
  sb::Sandbox& sandbox() { return *sandbox_; }

  // Our own test program, compiled on the host like the sanitizer pass compiles a submission.
  fs::path build(const fs::path& source) {
    const fs::path out = bin_dir_ / source.stem();
    const std::string cmd = "gcc -std=gnu17 -O1 -g -fsanitize=address,undefined -o '" + out.string() + "' '" +
                            source.string() + "' > '" + out.string() + ".log' 2>&1";
    if (std::system(cmd.c_str()) != 0) return {};
    chmod(out.c_str(), 0755);
    return out;
  }

 private:
  OuterCgroup outer_;
  std::unique_ptr<sb::Sandbox> sandbox_;
  fs::path bin_dir_;
};

auto* const g_env = static_cast<SanitizerProfileEnvironment*>(
    ::testing::AddGlobalTestEnvironment(new SanitizerProfileEnvironment));

std::vector<fs::path> sources() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(PROCTOR_SOURCE_DIR) / "tests/hostile/sanitizer"))
    if (e.path().extension() == ".c") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class SanitizerProfile : public ::testing::TestWithParam<fs::path> {};

TEST_P(SanitizerProfile, SandboxHolds) {
  const HostileCase c = parse_hostile_case(GetParam());
  ASSERT_EQ(c.profile, "sanitizer") << "tests/hostile/sanitizer/ holds sanitizer-profile cases only";
  const fs::path binary = g_env->build(c.source);
  ASSERT_FALSE(binary.empty()) << "does not compile: " << c.source;
  kill_survivors();
  HostileFixture fx;
  const fs::path run_dir = make_temp_dir("proctor-sanitizer-run", 0755);
  sb::Policy policy;
  policy.profile = sb::Profile::sanitizer;
  policy.argv = {binary.string()};
  for (const auto& arg : c.args) policy.argv.push_back(fx.substitute(arg));
  policy.limits.cpu_ms = 5000;
  policy.limits.memory_kb = 1024 * 1024;
  policy.stdout_path = run_dir / "stdout";
  policy.stderr_path = run_dir / "stderr";
  // As the sanitizer pass runs them: no symbolizer to start, no core-dump limit to set.
  policy.env = {{"ASAN_OPTIONS", "symbolize=0:disable_coredump=0"},
                {"UBSAN_OPTIONS", "symbolize=0:disable_coredump=0"}};
  const sb::RunReport report = g_env->sandbox().run(policy);
  const Outcome outcome{sb::to_string(report.status),
                        report.violation,
                        report.limit,
                        report.exit_code,
                        report.signal,
                        read_all(policy.stdout_path),
                        read_all(policy.stderr_path)};
  std::printf("[ sanitizer ] %s: %s %s (expected %s)\n", c.name.c_str(), outcome.status.c_str(),
              report.violation.value_or("").c_str(), c.expect_text().c_str());
  const std::vector<std::string> bad = check_outcome(c, fx, outcome);
  kill_survivors();
  std::error_code ec;
  fs::remove_all(run_dir, ec);
  std::string list;
  for (const auto& b : bad) list += "\n  - " + b;
  EXPECT_TRUE(bad.empty()) << c.name << " (" << c.attack << "):" << list
                           << "\nreport: " << sb::to_json(report).dump(2)
                           << "\nstdout: " << outcome.out.substr(0, 600)
                           << "\nstderr: " << outcome.err.substr(0, 1500);
  EXPECT_TRUE(report.layers.seccomp);
}

INSTANTIATE_TEST_SUITE_P(Corpus, SanitizerProfile, ::testing::ValuesIn(sources()),
                         [](const auto& info) { return info.param.stem().string(); });

// The profile needs a memory cgroup and says so rather than run under an address-space limit.
TEST(SanitizerProfileWithoutCgroups, RefusesWithAReason) {
  setenv("PROCTOR_DISABLE_CGROUPS", "1", 1);
  sb::Sandbox sandbox;
  unsetenv("PROCTOR_DISABLE_CGROUPS");
  sb::Policy policy;
  policy.profile = sb::Profile::sanitizer;
  policy.argv = {"/bin/true"};
  const sb::RunReport report = sandbox.run(policy);
  EXPECT_EQ(report.status, sb::Status::je);
  EXPECT_NE(report.error.find("memory cgroup"), std::string::npos) << report.error;
}
