// Static analysis as an interview signal, with real compiler runs: gcc -fanalyzer finds a double free
// at its line, a clean solution has no finding, warnings are grouped and counted, an exercise silences
// a kind, and nothing of it changes the verdict.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli.hpp"
#include "schema_check.hpp"
#include "signals_fixture.hpp"

namespace {

using nlohmann::json;
using proctor::test::SignalsTest;

const char* kClean = R"(#include <stdio.h>
int main(void) {
  int n;
  long total = 0;
  if (scanf("%d", &n) != 1) return 1;
  for (int i = 0; i < n; i++) {
    int x;
    if (scanf("%d", &x) != 1) return 1;
    total += x;
  }
  printf("%ld\n", total);
  return 0;
}
)";

// Frees its buffer twice on every path (line 13; glibc then aborts: RTE) and has two unused variables.
const char* kDoubleFree = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int n, unused_a, unused_b;
  if (scanf("%d", &n) != 1) return 1;
  int *a = malloc(sizeof *a * (size_t)n);
  if (!a) return 1;
  long total = 0;
  for (int i = 0; i < n; i++) {
    if (scanf("%d", &a[i]) == 1) total += a[i];
  }
  free(a);
  free(a);
  printf("%ld\n", total);
  return 0;
}
)";

const json* finding(const json& findings, const std::string& kind) {
  for (const json& f : findings)
    if (f["kind"] == kind) return &f;
  return nullptr;
}

}  // namespace

TEST_F(SignalsTest, AnalyzerFindsADoubleFreeAtItsLine) {
  const json r = grade(make_program_exercise(), kDoubleFree);
  EXPECT_TRUE(matches_result_schema(r));
  const json& a = r["signals"]["analysis"];
  EXPECT_EQ(a["status"], "ran") << a.dump();
  const json* f = finding(a["findings"], "-Wanalyzer-double-free");
  ASSERT_NE(f, nullptr) << a.dump();
  EXPECT_EQ((*f)["location"]["line"], 13);
  EXPECT_EQ((*f)["location"]["file"], "submission.c");
  EXPECT_EQ((*f)["location"]["origin"], "submission");
  EXPECT_NE((*f)["message"].get<std::string>().find("free"), std::string::npos);
  // The grading compile's warnings, grouped: both unused variables under one option, one line.
  bool grouped = false;
  for (const json& g : a["warnings"]) {
    if (g["option"] == "-Wunused-variable") {
      grouped = true;
      EXPECT_EQ(g["count"], 2);
      EXPECT_EQ(g["lines"], json::array({4}));
    }
  }
  EXPECT_TRUE(grouped) << a.dump();
}

TEST_F(SignalsTest, SignalsNeverChangeTheVerdict) {
  const json with = grade(make_program_exercise(), kDoubleFree, true);
  const json without = grade(make_program_exercise(), kDoubleFree, false);
  EXPECT_FALSE(without.contains("signals"));
  EXPECT_EQ(with["verdict"], without["verdict"]);
  EXPECT_EQ(with["score"], without["score"]);
  for (std::size_t i = 0; i < with["tests"].size(); ++i)
    EXPECT_EQ(with["tests"][i]["verdict"], without["tests"][i]["verdict"]);
}

TEST_F(SignalsTest, ACleanSolutionHasNoAnalyzerFinding) {
  const json r = grade(make_program_exercise(), kClean);
  EXPECT_EQ(r["verdict"], "AC");
  const json& a = r["signals"]["analysis"];
  EXPECT_EQ(a["status"], "ran") << a.dump();
  EXPECT_EQ(a["findings"], json::array()) << a.dump();
  EXPECT_EQ(a["warnings"], json::array()) << a.dump();
  EXPECT_EQ(a["silenced"], 0);
}

TEST_F(SignalsTest, AnExerciseSilencesAFindingKind) {
  const json r =
      grade(make_program_exercise(R"(,"signals":{"silence":["Wanalyzer-double-free","-Wunused-variable"]})"),
            kDoubleFree);
  const json& a = r["signals"]["analysis"];
  EXPECT_EQ(finding(a["findings"], "-Wanalyzer-double-free"), nullptr) << a.dump();
  for (const json& g : a["warnings"]) EXPECT_NE(g["option"], "-Wunused-variable") << a.dump();
  EXPECT_GE(a["silenced"].get<int>(), 3) << a.dump();  // one analyzer finding, two warnings
}

TEST_F(SignalsTest, ACompileErrorSkipsTheSignals) {
  const json r = grade(make_program_exercise(), "int main(void) { return undeclared; }\n");
  EXPECT_EQ(r["verdict"], "CE");
  EXPECT_EQ(r["signals"]["analysis"]["status"], "skipped");
  EXPECT_TRUE(matches_result_schema(r));
}

// The CLI end to end: --signals on grade, the exercise's every_session setting, and the sections of
// the terminal output and of every report format.
TEST_F(SignalsTest, TheCliAndEveryReportFormatShowTheSignals) {
  using proctor::test::read_text;
  using proctor::test::run_cli;
  using proctor::test::shell_quote;
  const std::filesystem::path ex = make_program_exercise();
  const std::filesystem::path sub = dir_.path() / "df.c", out = dir_.path() / "r.json";
  proctor::test::write_text(sub, kDoubleFree);
  auto r = run_cli("grade " + shell_quote(ex) + " " + shell_quote(sub) + " --signals --color never --json " +
                   shell_quote(out));
  EXPECT_EQ(r.exit_code, 1) << r.output;  // RTE: glibc aborts at the double free
  EXPECT_NE(r.output.find("Static analysis (gcc -fanalyzer)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("df.c:13"), std::string::npos) << r.output;
  const json doc = json::parse(read_text(out));
  EXPECT_TRUE(matches_result_schema(doc));
  for (const char* format : {"text", "md", "html"}) {
    auto report = run_cli("report " + shell_quote(out) + " --format " + format);
    EXPECT_EQ(report.exit_code, 0) << report.output;
    EXPECT_NE(report.output.find("-Wanalyzer-double-free"), std::string::npos) << format << report.output;
    EXPECT_NE(report.output.find("df.c:13"), std::string::npos) << format << report.output;
  }
  // Without --signals, nothing is collected.
  auto plain = run_cli("grade " + shell_quote(ex) + " " + shell_quote(sub) + " --json " + shell_quote(out));
  EXPECT_FALSE(json::parse(read_text(out)).contains("signals")) << plain.output;
  EXPECT_EQ(plain.output.find("Static analysis"), std::string::npos) << plain.output;
}

TEST_F(SignalsTest, AnExerciseMakesThemPartOfEveryFullGrade) {
  using proctor::test::read_text;
  using proctor::test::run_cli;
  using proctor::test::shell_quote;
  const std::filesystem::path ex = make_program_exercise(R"(,"signals":{"every_session":true})");
  const std::filesystem::path sub = dir_.path() / "df.c", out = dir_.path() / "r.json";
  proctor::test::write_text(sub, kDoubleFree);
  run_cli("grade " + shell_quote(ex) + " " + shell_quote(sub) + " --json " + shell_quote(out));
  EXPECT_TRUE(json::parse(read_text(out))["signals"].contains("analysis"));
  // Practice (samples only) stays fast unless asked.
  run_cli("practice " + shell_quote(ex) + " " + shell_quote(sub) + " --json " + shell_quote(out));
  EXPECT_FALSE(json::parse(read_text(out)).contains("signals"));
  run_cli("practice " + shell_quote(ex) + " " + shell_quote(sub) + " --signals --json " + shell_quote(out));
  EXPECT_TRUE(json::parse(read_text(out)).contains("signals"));
}

TEST_F(SignalsTest, AMistypedSignalsSettingIsOneLineNamingTheField) {
  using proctor::test::run_cli;
  using proctor::test::shell_quote;
  const std::filesystem::path ex = make_program_exercise(R"(,"signals":{"every_sesion":true})");
  proctor::test::write_text(dir_.path() / "s.c", kClean);
  auto r = run_cli("grade " + shell_quote(ex) + " " + shell_quote(dir_.path() / "s.c"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("signals.every_sesion"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}
