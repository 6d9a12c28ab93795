// Packages in other judges' layouts (tests/packages/): a DOMjudge one (check_manually/, compiler_error/,
// @EXPECTED_RESULTS@ annotations, a dangling problem.pdf), a legacy Kattis one without samples and with
// slow_accepted/ and an input validator, and a 2023-07 one (output_validator/, test_group.yaml,
// submissions.yaml). Each loads unchanged, grades, and `exercise validate` gives every submission the
// verdict its judge expects.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "c_program.hpp"
#include "cli.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using proctor::test::read_text;
using proctor::test::run_cli;
using proctor::test::shell_quote;
using proctor::test::TempDirectory;
using proctor::test::write_text;

const fs::path kPackages = fs::path(PROCTOR_SOURCE_DIR) / "tests" / "packages";

struct Validated {
  int exit_code = -1;
  std::string output;
  json package;                             // the one package's findings
  std::map<std::string, json> submissions;  // by file
};

Validated validate(const fs::path& dir, const fs::path& scratch) {
  Validated v;
  const fs::path out = scratch / "validate.json";
  auto r = run_cli("exercise validate --jobs 2 --json " + shell_quote(out.string()) + " " +
                   shell_quote(dir.string()));
  v.exit_code = r.exit_code;
  v.output = r.output;
  if (!fs::exists(out)) return v;
  v.package = json::parse(read_text(out)).at("packages").at(0);
  for (const json& s : v.package.at("submissions")) v.submissions[s.at("file").get<std::string>()] = s;
  return v;
}

bool has_note(const json& package, const std::string& text) {
  for (const json& n : package.at("notes")) {
    if (n.get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

void expect_verdicts(const Validated& v, const std::map<std::string, std::string>& expected) {
  EXPECT_EQ(v.submissions.size(), expected.size()) << v.output;
  for (const auto& [file, got] : expected) {
    auto it = v.submissions.find(file);
    ASSERT_NE(it, v.submissions.end()) << file << " not validated\n" << v.output;
    EXPECT_EQ(it->second.at("got"), got) << file << "\n" << v.output;
    EXPECT_TRUE(it->second.at("ok").get<bool>()) << file << ": " << it->second.dump() << "\n" << v.output;
  }
}

TEST(ForeignPackages, DomjudgePackage) {
  TempDirectory tmp;
  Validated v = validate(kPackages / "domjudge-hello", tmp.path());
  EXPECT_EQ(v.exit_code, 0) << v.output;
  expect_verdicts(v, {{"accepted/hello.c", "AC"},
                      {"check_manually/only_world.c", "WA"},
                      {"compiler_error/missing_semicolon.c", "CE"},
                      {"multiple/crash_or_wrong.c", "RTE"},
                      {"no_output/silent.c", "WA"},
                      {"wrong_answer/breaks_on_world.c", "WA"},
                      {"wrong_answer/no_bang.c", "WA"}});
  EXPECT_EQ(v.submissions["check_manually/only_world.c"].at("expected"), "WA");
  EXPECT_EQ(v.submissions["wrong_answer/no_bang.c"].at("deciding_test"), "sample/1");
  EXPECT_EQ(v.submissions["check_manually/only_world.c"].at("deciding_test"), "secret/01");
  EXPECT_TRUE(has_note(v.package, "submissions/check_manually: not a verdict directory; 1 C file(s)"))
      << v.output;
  EXPECT_TRUE(has_note(v.package, "wrong_answer/breaks_on_world.c: caught only by the samples")) << v.output;
  EXPECT_FALSE(has_note(v.package, "wrong_answer/no_bang.c")) << v.output;
  EXPECT_EQ(v.package.at("limits").at("time_ms"), 1000);  // domjudge-problem.ini
  EXPECT_EQ(v.package.at("limits").at("memory_mb"), 64);

  auto graded = run_cli("grade " + shell_quote((kPackages / "domjudge-hello").string()) + " " +
                        shell_quote((kPackages / "domjudge-hello/submissions/accepted/hello.c").string()));
  EXPECT_EQ(graded.exit_code, 0) << graded.output;
}

TEST(ForeignPackages, KattisPackageWithoutSamples) {
  TempDirectory tmp;
  const fs::path dir = kPackages / "kattis-nosamples";
  Validated v = validate(dir, tmp.path());
  EXPECT_EQ(v.exit_code, 0) << v.output;
  expect_verdicts(v, {{"accepted/half.c", "AC"}, {"wrong_answer/integer_division.c", "WA"}});
  EXPECT_TRUE(has_note(v.package, "submissions/slow_accepted: not a verdict directory")) << v.output;
  EXPECT_TRUE(has_note(v.package, "no sample tests")) << v.output;
  EXPECT_EQ(v.package.at("limits").at("time_ms"), 500);  // .timelimit

  auto practice = run_cli("practice " + shell_quote(dir.string()) + " " +
                          shell_quote((dir / "submissions/accepted/half.c").string()));
  EXPECT_EQ(practice.exit_code, 1) << practice.output;
  EXPECT_NE(practice.output.find("no sample tests: nothing to practise on"), std::string::npos)
      << practice.output;
  auto graded = run_cli("grade " + shell_quote(dir.string()) + " " +
                        shell_quote((dir / "submissions/wrong_answer/integer_division.c").string()));
  EXPECT_EQ(graded.exit_code, 1) << graded.output;
}

TEST(ForeignPackages, InputValidatorRejectsABadTestInput) {
  TempDirectory tmp;
  const fs::path dir = tmp.path() / "half";
  fs::copy(kPackages / "kattis-nosamples", dir,
           fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  write_text(dir / "data/secret/zero.in", "0\n");
  write_text(dir / "data/secret/zero.ans", "0\n");
  write_text(dir / "data/secret/two.in", "2 3\n");
  write_text(dir / "data/secret/two.ans", "1\n");
  Validated v = validate(dir, tmp.path());
  EXPECT_EQ(v.exit_code, 1) << v.output;
  const std::string problems = v.package.at("problems").dump();
  EXPECT_NE(
      problems.find("data/secret/zero.in: rejected by input validator format: expected one integer 1..1000"),
      std::string::npos)
      << v.output;
  EXPECT_NE(problems.find("data/secret/two.in: rejected by input validator format"), std::string::npos)
      << v.output;
  EXPECT_EQ(problems.find("n3.in"), std::string::npos) << v.output;
}

TEST(ForeignPackages, Kattis2023Package) {
  TempDirectory tmp;
  const fs::path dir = kPackages / "sumpairs";
  Validated v = validate(dir, tmp.path());
  EXPECT_EQ(v.exit_code, 0) << v.output;
  expect_verdicts(v, {{"accepted/sum.c", "AC"},
                      {"rejected/small_only.c", "WA"},
                      {"run_time_error/crash_on_zero.c", "RTE"},
                      {"wrong_answer/abs_b.c", "WA"}});
  EXPECT_EQ(v.package.at("title"), "Sum pairs");
  EXPECT_EQ(v.package.at("limits").at("time_ms"), 500);
  EXPECT_EQ(v.submissions["wrong_answer/abs_b.c"].at("expected"), "only AC,WA; some WA");
  EXPECT_EQ(v.submissions["wrong_answer/abs_b.c"].at("deciding_test"), "secret/large/2");
  EXPECT_TRUE(has_note(v.package, "\"message\" rules")) << v.output;
  auto graded = run_cli("grade " + shell_quote(dir.string()) + " " +
                        shell_quote((dir / "submissions/accepted/sum.c").string()));
  EXPECT_EQ(graded.exit_code, 0) << graded.output;
}

TEST(ForeignPackages, AFailingReferenceNamesTheTestAndTheLimit) {
  TempDirectory tmp;
  const fs::path dir = tmp.path() / "sumpairs";
  fs::copy(kPackages / "sumpairs", dir, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  fs::rename(dir / "submissions/wrong_answer/abs_b.c", dir / "submissions/accepted/abs_b.c");
  write_text(dir / "submissions/accepted/chatty.c",
             "#include <stdio.h>\nint main(void) { for (long i = 0; i < 3000000; ++i) puts(\"spam\"); }\n");
  Validated v = validate(dir, tmp.path());
  EXPECT_EQ(v.exit_code, 1) << v.output;
  EXPECT_EQ(v.submissions["accepted/abs_b.c"].at("problem"), "got WA, expected AC (first on secret/large/2)")
      << v.output;
  EXPECT_NE(v.submissions["accepted/chatty.c"].at("problem").get<std::string>().find("output limit 1024 KiB"),
            std::string::npos)
      << v.output;
}

}  // namespace
