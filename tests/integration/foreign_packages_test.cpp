// Packages in other judges' layouts (tests/packages/): a DOMjudge one (check_manually/, compiler_error/,
// @EXPECTED_RESULTS@ annotations, a dangling problem.pdf), a legacy Kattis one without samples and with
// slow_accepted/ and an input validator, and a 2023-07 one (output_validator/, test_group.yaml,
// submissions.yaml). Each loads unchanged, grades, and `exercise validate` gives every submission the
// verdict its judge expects. Two more carry grading settings per test group: kattis-groups (legacy
// testdata.yaml at three levels: flags, accept_score, range) and parity-2023 (test_group.yaml with
// per-validator arguments, and a test's own .yaml).
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

// The legacy package's groups loosen the checker and the input bound for the big cases; without the
// group's file, the submission accepted only thanks to it is WA there and the inputs are out of bounds.
TEST(ForeignPackages, LegacyTestdataYamlFlagsReachTheValidators) {
  TempDirectory tmp;
  const fs::path dir = kPackages / "kattis-groups";
  Validated v = validate(dir, tmp.path());
  EXPECT_EQ(v.exit_code, 0) << v.output;
  expect_verdicts(
      v,
      {{"accepted/third.c", "AC"}, {"accepted/rounds_big_n.c", "AC"}, {"wrong_answer/two_decimals.c", "WA"}});
  // accept_score: the sample 0 (its range pinned to 0 0), secret/exact 1 each, secret/rough 3 each.
  const fs::path result = tmp.path() / "third.json";
  auto graded = run_cli("grade --json " + shell_quote(result.string()) + " " + shell_quote(dir.string()) +
                        " " + shell_quote((dir / "submissions/accepted/third.c").string()));
  EXPECT_EQ(graded.exit_code, 0) << graded.output;
  const json score = json::parse(read_text(result)).at("score");
  EXPECT_EQ(score.at("max_points"), 8.0) << score.dump();
  EXPECT_EQ(score.at("points"), 8.0) << score.dump();

  const fs::path copy = tmp.path() / "kattis-groups";
  fs::copy(dir, copy, fs::copy_options::recursive);
  fs::remove(copy / "data/secret/rough/testdata.yaml");
  Validated without = validate(copy, tmp.path());
  EXPECT_EQ(without.exit_code, 1) << without.output;
  EXPECT_EQ(without.submissions["accepted/rounds_big_n.c"].at("problem"),
            "got WA, expected AC (first on secret/rough/1)")
      << without.output;
  const std::string problems = without.package.at("problems").dump();
  EXPECT_NE(problems.find("data/secret/rough/1.in: rejected by input validator bounds: expected one integer "
                          "1..1000"),
            std::string::npos)
      << without.output;
}

// 2023-07: case_sensitive from data/secret/test_group.yaml decides the hidden tests, a test's own
// 1.yaml forgives the case again, and the input validator's arguments are given by its name.
TEST(ForeignPackages, TestGroupYamlFlagsReachTheValidators) {
  TempDirectory tmp;
  const fs::path dir = kPackages / "parity-2023";
  Validated v = validate(dir, tmp.path());
  EXPECT_EQ(v.exit_code, 0) << v.output;
  expect_verdicts(v, {{"accepted/parity.c", "AC"}, {"wrong_answer/lower_case.c", "WA"}});
  const fs::path result = tmp.path() / "lower.json";
  auto graded = run_cli("grade --json " + shell_quote(result.string()) + " " + shell_quote(dir.string()) +
                        " " + shell_quote((dir / "submissions/wrong_answer/lower_case.c").string()));
  EXPECT_EQ(graded.exit_code, 1) << graded.output;
  std::map<std::string, std::string> verdicts;
  const json doc = json::parse(read_text(result));
  for (const json& t : doc.at("tests"))
    verdicts[t.at("name").get<std::string>()] = t.at("verdict").get<std::string>();
  EXPECT_EQ(
      verdicts,
      (std::map<std::string, std::string>{
          {"sample/1", "AC"}, {"secret/big/1", "WA"}, {"secret/small/1", "AC"}, {"secret/small/2", "WA"}}));

  // Without the big group's bound, its input breaks the package-wide one.
  const fs::path copy = tmp.path() / "parity-2023";
  fs::copy(dir, copy, fs::copy_options::recursive);
  fs::remove(copy / "data/secret/big/test_group.yaml");
  Validated without = validate(copy, tmp.path());
  EXPECT_EQ(without.exit_code, 1) << without.output;
  EXPECT_NE(without.package.at("problems")
                .dump()
                .find("data/secret/big/1.in: rejected by input validator range: expected one integer 1..100"),
            std::string::npos)
      << without.output;
}

// A setting Proctor cannot honour stops grading with one line naming the file and the key (exit 2);
// a validator Proctor cannot build is named by `validate`, while grading (which does not need it) works.
TEST(ForeignPackages, UnsupportedGroupSettingsAndValidatorsAreNamed) {
  TempDirectory tmp;
  const fs::path copy = tmp.path() / "kattis-groups";
  fs::copy(kPackages / "kattis-groups", copy, fs::copy_options::recursive);
  write_text(copy / "data/secret/rough/testdata.yaml",
             read_text(copy / "data/secret/rough/testdata.yaml") + "grader_flags: min\n");
  const std::string grade_cmd = "grade " + shell_quote(copy.string()) + " " +
                                shell_quote((copy / "submissions/accepted/third.c").string());
  auto refused = run_cli(grade_cmd);
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find((copy / "data/secret/rough/testdata.yaml").string() +
                                ": \"grader_flags\" min is not supported"),
            std::string::npos)
      << refused.output;
  EXPECT_EQ(refused.output.find('\n'), refused.output.size() - 1) << refused.output;

  fs::remove(copy / "data/secret/rough/testdata.yaml");
  fs::remove_all(copy / "data/secret/rough");
  write_text(copy / "input_validators/validate.py", "import sys\nsys.exit(42)\n");
  Validated v = validate(copy, tmp.path());
  EXPECT_EQ(v.exit_code, 1) << v.output;
  EXPECT_NE(v.package.at("problems")
                .dump()
                .find("input_validators/validate.py: input validator written in Python (validate.py)"),
            std::string::npos)
      << v.output;
  EXPECT_EQ(run_cli(grade_cmd).exit_code, 0);

  fs::create_directories(copy / "output_validators/check");
  write_text(copy / "output_validators/check/check.py", "import sys\nsys.exit(42)\n");
  write_text(copy / "problem.yaml", "name: A third\nvalidation: custom\n");
  auto custom = run_cli(grade_cmd);
  EXPECT_EQ(custom.exit_code, 2) << custom.output;
  EXPECT_NE(custom.output.find("output_validators/check: output validator written in Python (check.py)"),
            std::string::npos)
      << custom.output;
}

// The practice pack has one checker: the samples' group's. Samples whose own settings disagree cannot
// be exported faithfully, so the export refuses, naming the package.
TEST(ForeignPackages, ExportTakesTheSamplesGroupChecker) {
  TempDirectory tmp;
  const fs::path copy = tmp.path() / "kattis-groups";
  fs::copy(kPackages / "kattis-groups", copy, fs::copy_options::recursive);
  write_text(copy / "data/sample/testdata.yaml", "output_validator_flags: float_absolute_tolerance 0.25\n");
  auto exported = run_cli("exercise export " + shell_quote(copy.string()) + " " +
                          shell_quote((tmp.path() / "pack").string()));
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const json checker = json::parse(read_text(tmp.path() / "pack/exercise.json")).at("checker");
  EXPECT_EQ(checker.at("abs"), 0.25) << checker.dump();

  const fs::path parity = tmp.path() / "parity-2023";
  fs::copy(kPackages / "parity-2023", parity, fs::copy_options::recursive);
  write_text(parity / "data/sample/2.in", "4\n");
  write_text(parity / "data/sample/2.ans", "EVEN\n");
  write_text(parity / "data/sample/2.yaml", "output_validator_args: [case_sensitive]\n");
  auto refused = run_cli("exercise export " + shell_quote(parity.string()) + " " +
                         shell_quote((tmp.path() / "pack2").string()));
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("the samples' test groups set different output validator flags"),
            std::string::npos)
      << refused.output;
}

}  // namespace
