// The complexity evidence as part of the interview signals, end to end with the real binary: a bundled
// too-slow submission graded with --signals grows visibly steeper than the reference in result.json,
// and every report format carries the sentence (HTML: the inline SVG plot); practice --signals
// measures too; an exercise without a scaling family gets no complexity block; a submission that does
// not compile is skipped; a session whose exercise asks for signals on every session shows the plot in
// the report the interviewer opens.
#include <gtest/gtest.h>

#include "cli.hpp"
#include "schema_check.hpp"
#include "session_fixture.hpp"
#include "signals_fixture.hpp"

namespace {

using nlohmann::json;
using proctor::test::read_text;
using proctor::test::run_cli;
using proctor::test::shell_quote;
using proctor::test::SignalsTest;

const std::filesystem::path kBeHeader = std::filesystem::path(PROCTOR_SOURCE_DIR) / "exercises" / "be-header";

std::string html_escaped(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += "&#39;";
    else
      out += c;
  }
  return out;
}

TEST_F(SignalsTest, TheTooSlowSubmissionGrowsSteeperThanTheReferenceInTheResultAndEveryReport) {
  const std::filesystem::path out = dir_.path() / "slow.json";
  auto r = run_cli("grade " + shell_quote(kBeHeader) + " " +
                   shell_quote(kBeHeader / "submissions/time_limit_exceeded/strlen_loop.c") +
                   " --signals --color never --json " + shell_quote(out));
  ASSERT_TRUE(std::filesystem::exists(out)) << r.output;
  const json doc = json::parse(read_text(out));
  EXPECT_TRUE(matches_result_schema(doc));
  ASSERT_TRUE(doc["signals"].contains("complexity")) << doc["signals"].dump();
  const json& cx = doc["signals"]["complexity"];
  std::printf("%s\n", cx.dump().c_str());
  EXPECT_EQ(cx["status"], "ran") << cx["note"];
  ASSERT_TRUE(cx["candidate"]["fit"].is_object() && cx["reference"]["fit"].is_object()) << cx["sentence"];
  EXPECT_GT(cx["candidate"]["fit"]["exponent"].get<double>(),
            cx["reference"]["fit"]["exponent"].get<double>() + 0.5)
      << cx["sentence"];
  EXPECT_TRUE(cx["grows_faster"].get<bool>()) << cx["sentence"];
  EXPECT_EQ(cx["reference"]["solution"], "accepted/ref.c");
  const std::string sentence = cx["sentence"];
  EXPECT_NE(sentence.find("grows like n^"), std::string::npos) << sentence;
  // The terminal shows the section after grading.
  EXPECT_NE(r.output.find("Complexity (cost against input size n): " + sentence), std::string::npos)
      << r.output;

  auto html = run_cli("report " + shell_quote(out) + " --format html");
  EXPECT_EQ(html.exit_code, 0) << html.output;
  EXPECT_NE(html.output.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(html.output.find(html_escaped(sentence)), std::string::npos) << html.output;
  EXPECT_NE(html.output.find(">reference<"), std::string::npos);
  EXPECT_NE(html.output.find(">submission<"), std::string::npos);
  for (const char* format : {"md", "text"}) {
    auto report = run_cli("report " + shell_quote(out) + " --format " + format);
    EXPECT_EQ(report.exit_code, 0) << report.output;
    EXPECT_NE(report.output.find("grows like n^"), std::string::npos) << format << report.output;
    EXPECT_EQ(report.output.find("<svg"), std::string::npos) << format;
  }
}

// The issue's "done when": the bundled buggy-but-passing demo (be-header's accepted/fields_first.c reads
// past a short line's buffer) graded with --signals, as an interviewer would, shows the sanitizer's
// finding at the candidate's line ahead of the leaks, the analyzer's finding and the growth plot, in
// the terminal and every report format.
TEST_F(SignalsTest, TheBundledBuggyButPassingDemoShowsEverySignalInEveryReport) {
  const std::filesystem::path out = dir_.path() / "demo.json";
  auto r = run_cli("grade " + shell_quote(kBeHeader) + " " +
                   shell_quote(kBeHeader / "submissions/accepted/fields_first.c") +
                   " --signals --color never --json " + shell_quote(out));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const json doc = json::parse(read_text(out));
  EXPECT_TRUE(matches_result_schema(doc));
  EXPECT_EQ(doc["verdict"], "AC");
  const json& findings = doc["signals"]["sanitizer"]["findings"];
  ASSERT_FALSE(findings.empty()) << doc["signals"].dump(2);
  EXPECT_EQ(findings[0]["kind"], "heap-buffer-overflow")
      << "memory errors come before leaks: " << findings.dump(2);
  EXPECT_EQ(findings[0]["location"]["file"], "fields_first.c") << "the file as given, not Proctor's copy";
  EXPECT_EQ(findings[0]["location"]["line"], 20) << findings[0].dump(2);
  bool leak_seen = false;
  for (const json& f : findings) {
    if (f["tool"] == "leak")
      leak_seen = true;
    else
      EXPECT_FALSE(leak_seen) << "an error after a leak: " << findings.dump(2);
  }
  EXPECT_FALSE(doc["signals"]["analysis"]["findings"].empty()) << doc["signals"]["analysis"].dump(2);
  EXPECT_EQ(doc["signals"]["complexity"]["status"], "ran") << doc["signals"]["complexity"].dump(2);

  EXPECT_NE(r.output.find("heap-buffer-overflow at fields_first.c:20 in be()"), std::string::npos) << r.output;
  for (const char* format : {"text", "md", "html"}) {
    auto report = run_cli("report " + shell_quote(out) + " --format " + format);
    EXPECT_EQ(report.exit_code, 0) << report.output;
    EXPECT_NE(report.output.find("fields_first.c:20 in be()"), std::string::npos) << format << report.output;
    EXPECT_NE(report.output.find("-Wanalyzer-null-dereference"), std::string::npos)
        << format << report.output;
    EXPECT_NE(report.output.find("grows like n^"), std::string::npos) << format << report.output;
    EXPECT_EQ(report.output.find("<svg") != std::string::npos, std::string(format) == "html") << format;
  }
  // Markdown: each stack's summary names its finding's place, so two leaks do not read the same.
  auto md = run_cli("report " + shell_quote(out) + " --format md");
  EXPECT_NE(md.output.find("<summary>heap-buffer-overflow at fields_first.c:20 in be(): stack</summary>"),
            std::string::npos)
      << md.output;
}

// Silencing a kind counts the findings it hides as the report would have shown them: one per kind and
// line, however many raw reports (leaks through different C library frames) fell on that line.
TEST_F(SignalsTest, SilencedFindingsAreCountedAsTheFindingsTheyWouldHaveBeen) {
  const std::string demo = read_text(kBeHeader / "submissions/accepted/fields_first.c");
  const json shown = grade(kBeHeader, demo);
  std::size_t leaks = 0;
  for (const json& f : shown["signals"]["sanitizer"]["findings"]) leaks += f["kind"] == "memory-leak";
  ASSERT_GT(leaks, 0u) << "the demo leaks its line buffers";
  EXPECT_EQ(shown["signals"]["sanitizer"]["silenced"], 0);

  const std::filesystem::path ex = dir_.path() / "be-header";
  std::filesystem::copy(kBeHeader, ex, std::filesystem::copy_options::recursive);
  json spec = json::parse(read_text(ex / "exercise.json"));
  spec["signals"] = {{"silence", {"memory-leak"}}};
  proctor::test::write_text(ex / "exercise.json", spec.dump());
  const json quiet = grade(ex, demo);
  for (const json& f : quiet["signals"]["sanitizer"]["findings"]) EXPECT_NE(f["kind"], "memory-leak");
  EXPECT_EQ(quiet["signals"]["sanitizer"]["silenced"], leaks) << quiet["signals"]["sanitizer"].dump(2);
}

TEST_F(SignalsTest, PracticeWithSignalsMeasuresTheGrowthToo) {
  const std::filesystem::path out = dir_.path() / "practice.json";
  auto r = run_cli("practice " + shell_quote(kBeHeader) + " " +
                   shell_quote(kBeHeader / "submissions/accepted/ref.c") +
                   " --signals --color never --json " + shell_quote(out));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const json doc = json::parse(read_text(out));
  EXPECT_TRUE(matches_result_schema(doc));
  ASSERT_TRUE(doc["signals"].contains("complexity")) << r.output;
  EXPECT_EQ(doc["signals"]["complexity"]["status"], "ran");
  EXPECT_FALSE(doc["signals"]["complexity"]["grows_faster"].get<bool>())
      << doc["signals"]["complexity"]["sentence"];
}

TEST_F(SignalsTest, AnExerciseWithoutAScalingFamilyHasNoComplexityBlock) {
  const json r = grade(make_program_exercise(), R"(#include <stdio.h>
int main(void) {
  int n, x;
  long total = 0;
  if (scanf("%d", &n) != 1) return 1;
  for (int i = 0; i < n; i++)
    if (scanf("%d", &x) == 1) total += x;
  printf("%ld\n", total);
  return 0;
}
)");
  ASSERT_TRUE(r.contains("signals"));
  EXPECT_TRUE(r["signals"].contains("sanitizer"));
  EXPECT_FALSE(r["signals"].contains("complexity")) << r["signals"].dump();
  EXPECT_TRUE(matches_result_schema(r));
}

TEST_F(SignalsTest, ASubmissionThatDoesNotCompileSkipsTheComplexityPass) {
  const json r = grade(kBeHeader, "int main(void) { return undeclared; }\n");
  EXPECT_EQ(r["verdict"], "CE");
  ASSERT_TRUE(r["signals"].contains("complexity")) << r["signals"].dump();
  EXPECT_EQ(r["signals"]["complexity"]["status"], "skipped");
  EXPECT_EQ(r["signals"]["complexity"]["note"], "the submission did not compile");
  EXPECT_TRUE(r["signals"]["complexity"]["candidate"]["points"].empty());
  EXPECT_TRUE(matches_result_schema(r));
}

// A session's final grade carries the complexity evidence when the exercise makes the signals part of
// every session; the report the interviewer opens (report.html, served as it is by the interview room's
// /report) shows the plot beside the other signals.
class EverySessionComplexity : public proctor::test::session_fixture::SessionFlow {};

TEST_F(EverySessionComplexity, TheSessionReportShowsTheGrowthPlot) {
  using proctor::test::session_fixture::Outcome;
  using proctor::test::session_fixture::read;
  using proctor::test::session_fixture::write;
  write(package_ / "exercise.json",
        R"({"id": "sum-two", "title": "Sum two numbers", "kind": "program", "language": "c",
            "duration_minutes": 30, "limits": {"time_ms": 1000, "memory_mb": 64, "output_kb": 64},
            "checker": {"type": "tokens"}, "signals": {"every_session": true}})");
  // The family's inputs: "n 1" for n in the sizes (the cost does not grow: the point is the section).
  write(package_ / "generators/generators.yaml",
        "scaling:\n  generate: gen.c {seed} {n}\n  sizes: [1000, 2000, 4000]\n  repeat: 1\n");
  write(package_ / "generators/gen.c",
        "#include <stdio.h>\nint main(int argc, char **argv) { if (argc != 3) return 2; "
        "printf(\"%s 1\\n\", argv[2]); return 0; }\n");
  Outcome g = proctor({"exercise", "generate", package_.string()});
  ASSERT_EQ(g.code, 0) << g.out << g.err;
  ASSERT_TRUE(std::filesystem::exists(package_ / "data/scaling/4000.in")) << g.out << g.err;

  const std::string id = start();
  ASSERT_FALSE(id.empty());
  Outcome s = proctor({"session", "submit", id, (dir_ / "correct.c").string()});
  ASSERT_EQ(s.code, 0) << s.out << s.err;
  Outcome f = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(f.code, 0) << f.out << f.err;

  const json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_TRUE(matches_result_schema(result));
  ASSERT_TRUE(result.contains("signals")) << result.dump();
  ASSERT_TRUE(result["signals"].contains("complexity")) << result["signals"].dump();
  const json& cx = result["signals"]["complexity"];
  EXPECT_EQ(cx["status"], "ran") << cx["note"];
  EXPECT_EQ(cx["candidate"]["points"].size(), 3u);
  EXPECT_EQ(cx["reference"]["solution"], "accepted/ref.c");
  const std::string report = read(sessions_ / id / "report.html");
  EXPECT_NE(report.find("<h2>Signals</h2>"), std::string::npos);
  EXPECT_NE(report.find("Sanitizers (address, undefined)"), std::string::npos);
  EXPECT_NE(report.find("Complexity (cost against input size n)"), std::string::npos);
  EXPECT_NE(report.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
}

}  // namespace
