// The hostile corpus graded end to end: every program-profile attack submitted as a candidate's
// solution goes through the compile sandbox, the program sandbox and the checker, and its test gets
// the verdict the attack's header expects (OK means the program ran: AC or WA on this exercise).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "c_program.hpp"
#include "hostile_case.hpp"
#include "outer_cgroup.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/runner/result_json.hpp"
#include "proctor/sandbox/launch.hpp"

namespace fs = std::filesystem;
using proctor::test::TempDirectory;
using proctor::test::write_text;

namespace {

std::vector<std::string> gradable_cases() {
  std::vector<std::string> out;
  for (const auto& source : proctor::test::list_hostile_sources()) {
    auto c = proctor::test::parse_hostile_case(source);
    // Attacks that need arguments, threads or another profile are the sandbox test's business.
    // Those that include a sibling attack's source cannot be a single-file submission either.
    const bool includes_sibling = proctor::test::read_file(source).find(".c\"") != std::string::npos;
    if (c.profile != "program" || !c.args.empty() || c.options.count("threads") ||
        !c.requires_features.empty() || includes_sibling) {
      continue;
    }
    out.push_back(source.string());
  }
  return out;
}

class Environment : public ::testing::Environment {
 public:
  void SetUp() override {
    std::printf("%s\n", outer_.enter().c_str());
    sandbox = new proctor::sandbox::Sandbox();
  }
  void TearDown() override {
    delete sandbox;
    outer_.leave();
  }
  static inline proctor::sandbox::Sandbox* sandbox = nullptr;

 private:
  proctor::test::OuterCgroup outer_;
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new Environment);

}  // namespace

class HostileSubmission : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileSubmission, GetsTheExpectedVerdictWhenGraded) {
  auto c = proctor::test::parse_hostile_case(GetParam());
  TempDirectory dir;
  const fs::path ex = dir.path() / "ex";
  fs::create_directories(ex / "data" / "sample");
  auto option = [&](const char* key, std::uint64_t fallback) {
    return c.options.count(key) ? c.options.at(key) : fallback;
  };
  nlohmann::json limits = {{"time_ms", option("time_ms", 1000)},
                           {"memory_mb", option("memory_mb", 64)},
                           {"output_kb", option("output_kb", 64)}};
  if (c.options.count("wall_ms")) limits["wall_ms"] = c.options.at("wall_ms");
  nlohmann::json exercise = {{"id", "hostile"},
                             {"title", "Hostile"},
                             {"kind", "program"},
                             {"language", "c"},
                             {"duration_minutes", 30},
                             {"limits", limits},
                             {"checker", {{"type", "tokens"}}}};
  write_text(ex / "exercise.json", exercise.dump());
  write_text(ex / "statement.md", "Anything.\n");
  write_text(ex / "data" / "sample" / "1.in", "");
  write_text(ex / "data" / "sample" / "1.ans", "proctor-expected-output\n");
  auto loaded = proctor::runner::load_exercise(ex);
  proctor::runner::GradeOptions options;
  auto r = proctor::runner::to_json(proctor::runner::grade(*Environment::sandbox, loaded, c.source, options));
  ASSERT_EQ(r["compile"]["status"], "OK") << r["compile"]["output"].get<std::string>();
  const auto& test = r["tests"][0];
  std::string verdict = test["verdict"];
  if (verdict == "AC" || verdict == "WA") verdict = "OK";
  EXPECT_NE(std::find(c.expect.begin(), c.expect.end(), verdict), c.expect.end())
      << c.name << " (" << c.attack << "): expected " << c.expect_text() << ", got " << test.dump();
  if (verdict == "SV" && !c.violations.empty()) {
    EXPECT_NE(std::find(c.violations.begin(), c.violations.end(), test["violation"]), c.violations.end())
        << test.dump();
  }
  // Nothing of the host leaks into what a candidate could see.
  EXPECT_EQ(r.dump().find("root:x:0:0"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileSubmission, ::testing::ValuesIn(gradable_cases()),
                         [](const auto& info) { return fs::path(info.param).stem().string(); });
