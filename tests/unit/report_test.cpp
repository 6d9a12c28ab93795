// Report rendering from a result document: content in all three formats, the session timeline
// figures, tolerance of missing fields, and escaping of every untrusted string.
#include "report/report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "report/escape.hpp"
#include "report/model.hpp"
#include "report/terminal.hpp"

namespace {

using nlohmann::json;
using namespace proctor::report;

const char* kEvil = "<script>alert(1)</script>";

json document() {
  return json::parse(R"({
    "schema": "proctor-result/1", "verdict": "WA",
    "score": {"passed": 2, "total": 3, "points": 2, "max_points": 3},
    "exercise": {"id": "sum-two", "title": "Sum <two> numbers", "path": "/srv/sum-two",
                 "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    "submission": {"path": "submissions/003.c",
                   "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "bytes": 312},
    "compile": {"status": "OK", "duration_ms": 120, "command": ["gcc", "-O2", "submission.c"],
                "output": "submission.c:3:5: warning: unused variable 'x' [-Wunused-variable]\n",
                "warnings": [{"line": 3, "column": 5, "message": "unused variable '<x>'", "option": "-Wunused-variable"}]},
    "tests": [
      {"name": "sample/1", "group": "sample", "visibility": "sample", "verdict": "AC", "time_ms": 3, "wall_ms": 5,
       "memory_kb": 1024, "exit_code": 0, "signal": null, "violation": null, "message": ""},
      {"name": "sample/2", "group": "sample", "visibility": "sample", "verdict": "WA", "time_ms": 4, "wall_ms": 6,
       "memory_kb": 2048, "exit_code": 0, "signal": null, "violation": null, "message": "expected | got",
       "diff": "first difference at line 1\nexpected 1 | 3\n     got 1 | </pre><script>x</script>\n"},
      {"name": "secret/1", "group": "secret", "visibility": "secret", "verdict": "TLE", "time_ms": 1000,
       "wall_ms": 1003, "memory_kb": 900, "exit_code": null, "signal": 9, "violation": null,
       "message": "time limit exceeded"}
    ],
    "limits": {"time_ms": 1000, "wall_ms": 4000, "memory_mb": 256, "output_kb": 64},
    "sandbox": {"seccomp": true, "landlock_abi": 3, "namespaces": [], "cgroup": "v2", "memory_limit": "cgroup-v2",
                "process_limit": "seccomp", "privileges_dropped": true, "insecure": false},
    "runner": {"version": "0.1.0", "compiler": "gcc 12.2.0"},
    "started_at": "2025-03-01T09:30:00.000Z", "finished_at": "2025-03-01T09:30:02.250Z",
    "session": {"id": "k7f3qz", "candidate": "Ada", "started_at": "2025-03-01T09:00:00.000Z",
                "deadline": "2025-03-01T09:30:00.000Z", "finished_at": "2025-03-01T09:30:00.500Z",
                "finished_by": "deadline", "package_changed": false,
                "timeline": [
                  {"n": 1, "submitted_at": "2025-03-01T09:05:00.000Z", "sha256": "aa", "late": false,
                   "sample_passed": 0, "sample_total": 2, "verdict": "CE"},
                  {"n": 2, "submitted_at": "2025-03-01T09:12:30.000Z", "sha256": "bb", "late": false,
                   "sample_passed": 2, "sample_total": 2, "verdict": "AC"},
                  {"n": 3, "submitted_at": "2025-03-01T09:20:00.000Z", "sha256": "cc", "late": false},
                  {"n": 4, "submitted_at": "2025-03-01T09:31:00.000Z", "sha256": "dd", "late": true}]}
  })");
}

proctor::runner::GradeResult typed(const json& doc) {
  return proctor::runner::result_from_json(doc);
}

proctor::runner::GradeResult result() {
  return typed(document());
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ReportModel, TimelineFigures) {
  Model m = build_model(result());
  ASSERT_TRUE(m.session);
  EXPECT_EQ(m.session->on_time, 3);
  EXPECT_EQ(m.session->late, 1);
  ASSERT_TRUE(m.session->first_pass_n);
  EXPECT_EQ(*m.session->first_pass_n, 2);
  EXPECT_EQ(format_offset(m.session->first_pass_ms), "+12:30");
  EXPECT_EQ(m.tests.size(), 3u);
  EXPECT_EQ(m.warnings.size(), 1u);
}

TEST(ReportText, ShowsVerdictScoreTestsAndTimeline) {
  std::string text = render(result(), Format::text);
  for (const char* part : {"Verdict: WA (Wrong answer)", "2/3 tests, 2/3 points", "sample/2", "secret/1",
                           "TLE", "1000 ms", "2 MiB", "first passing sample: +12:30 (submission 2)",
                           "3 submissions on time, 1 late", "late, not graded", "3:5: unused variable",
                           "Landlock ABI 3", "memory 256 MiB", "2025-03-01 09:00:00 UTC"}) {
    EXPECT_TRUE(contains(text, part)) << part << "\n" << text;
  }
}

TEST(ReportMarkdown, HasTablesAndEscapesCells) {
  std::string md = render(result(), Format::markdown);
  EXPECT_TRUE(contains(md, "| Test | Description | Verdict | Time | Memory | Note |"));
  EXPECT_TRUE(contains(md, "expected \\| got")) << "a '|' in a cell must not split the table";
  EXPECT_TRUE(contains(md, "# Sum &lt;two&gt; numbers"));
  EXPECT_TRUE(contains(md, "First passing sample: +12:30 (submission 2)"));
  // Raw text is only allowed inside fenced code blocks, which every renderer escapes.
  std::string outside;
  bool in_fence = false;
  std::istringstream lines(md);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("```", 0) == 0) {
      in_fence = !in_fence;
    } else if (!in_fence) {
      outside += line + "\n";
    }
  }
  EXPECT_FALSE(contains(outside, "<script>")) << outside;
  EXPECT_TRUE(contains(md, "</pre><script>x</script>")) << "the sample diff is shown verbatim in a fence";
}

TEST(ReportHtml, SelfContainedAndEscaped) {
  json doc = document();
  doc["session"]["candidate"] = kEvil;
  doc["compile"]["output"] = std::string("</pre>") + kEvil;
  doc["tests"][2]["message"] = "<img src=x onerror=alert(1)>";
  std::string html = render(typed(doc), Format::html);
  EXPECT_TRUE(contains(html, "<!DOCTYPE html>"));
  EXPECT_TRUE(contains(html, "<style>"));
  EXPECT_FALSE(contains(html, "<script")) << "untrusted text reached the page unescaped";
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(contains(html, "&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;"))
      << "the sample diff is shown, escaped";
  // Nothing is loaded from elsewhere: no external stylesheet, script, image or font.
  for (const char* external : {"src=\"http", "href=\"http", "@import", "url(", "<link"}) {
    EXPECT_FALSE(contains(html, external)) << external;
  }
  EXPECT_TRUE(contains(html, "default-src 'none'"));
  EXPECT_TRUE(contains(html, "<svg")) << "the session timeline chart";
}

// The same document as written now: sample/1 ran in 0.42 ms of CPU, secret/1 in 1000.4 ms; sample/2
// still has only whole milliseconds, as an old result would.
json document_with_microseconds() {
  json doc = document();
  doc["tests"][0]["time_ms"] = 0;
  doc["tests"][0]["time_us"] = 420;
  doc["tests"][0]["wall_ms"] = 0;
  doc["tests"][0]["wall_us"] = 871;
  doc["tests"][2]["time_us"] = 1'000'400;
  doc["tests"][2]["wall_us"] = 1'003'999;
  return doc;
}

TEST(ReportTimes, SubMillisecondRunsReadAsWhatTheyTookInEveryFormat) {
  const auto r = typed(document_with_microseconds());
  const std::string text = render(r, Format::text), md = render(r, Format::markdown),
                    html = render(r, Format::html), terminal = render_terminal(build_model(r), false);
  for (const std::string* out : {&text, &md, &html, &terminal}) {
    EXPECT_TRUE(contains(*out, "0.42 ms")) << *out;
    EXPECT_TRUE(contains(*out, "1000 ms")) << *out;
    EXPECT_TRUE(contains(*out, "4 ms")) << "sample/2 keeps its whole milliseconds\n" << *out;
    EXPECT_FALSE(contains(*out, "4.0 ms")) << "no precision the old figure never had\n" << *out;
  }
  EXPECT_TRUE(contains(html, "0.87 ms")) << "the wall time column";
}

// A result stored before times were recorded in microseconds still renders: a run under a millisecond
// reads "<1 ms" (all that is known), never "0 ms" nor a made-up fraction.
TEST(ReportTimes, AnOldResultUnderAMillisecondReadsLessThanOne) {
  json doc = document();
  doc["tests"][0]["time_ms"] = 0;
  const auto r = typed(doc);
  ASSERT_FALSE(r.tests[0].time.us());
  for (Format f : {Format::text, Format::markdown, Format::html}) {
    const std::string out = render(r, f);
    EXPECT_TRUE(contains(out, "&lt;1 ms") || contains(out, "<1 ms")) << out;
    EXPECT_FALSE(contains(out, "0.00 ms")) << out;
  }
}

TEST(ReportTimes, ASkippedTestShowsNoTime) {
  json doc = document();
  doc["tests"][2]["verdict"] = "skipped";
  doc["tests"][2]["time_ms"] = 0;
  doc["tests"][2]["wall_ms"] = 0;
  const Model m = build_model(typed(doc));
  EXPECT_EQ(format_time(m.tests[2].time), "-");
  EXPECT_EQ(format_time(m.tests[0].time), "3 ms");
}

// The terminal's test table: every time ends in the same column, whatever its form.
TEST(ReportTimes, TerminalTimeColumnLinesUp) {
  json doc = document_with_microseconds();
  json t = doc["tests"][1];
  doc["tests"] = json::array();
  const std::vector<std::pair<std::uint64_t, std::string>> times = {
      {0, "0.00 ms"},      {999, "0.99 ms"},       {1000, "1.0 ms"},      {9999, "9.9 ms"},
      {123'456, "123 ms"}, {9'999'999, "9999 ms"}, {12'345'678, "12.3 s"}};
  for (std::size_t i = 0; i < times.size(); ++i) {
    t["name"] = "sample/" + std::to_string(i + 1);
    t["time_us"] = times[i].first;
    t["time_ms"] = times[i].first / 1000;
    t["wall_us"] = times[i].first;
    t["wall_ms"] = times[i].first / 1000;
    doc["tests"].push_back(t);
  }
  const std::string out = render_terminal(build_model(typed(doc)), false);
  std::istringstream lines(out);
  std::optional<std::size_t> header_end;
  std::size_t rows = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("test ", 0) == 0 && contains(line, " time ")) {
      header_end = line.find(" time ") + 5;
      continue;
    }
    if (!header_end) continue;
    if (line.empty()) break;  // the end of the table; failing samples' details follow
    const std::string& expected = times.at(rows++).second;
    const std::size_t at = line.find(expected);
    ASSERT_NE(at, std::string::npos) << expected << "\n" << out;
    ASSERT_TRUE(header_end) << out;
    EXPECT_EQ(at + expected.size(), *header_end) << line << "\n" << out;
  }
  EXPECT_EQ(rows, times.size()) << out;
}

// A result is read back through the one reader: a foreign document is refused with the field named,
// never half-rendered.
TEST(Report, RefusesForeignDocumentsNamingTheField) {
  auto refused = [](const json& doc, const std::string& field) {
    try {
      typed(doc);
      ADD_FAILURE() << "accepted " << doc.dump();
    } catch (const proctor::runner::UserError& e) {
      EXPECT_TRUE(contains(e.what(), field)) << e.what();
    }
  };
  refused(json{{"schema", "proctor-result/1"}}, "verdict");
  refused(json::object(), "schema");
  json odd = document();
  odd["tests"] = "not an array";
  refused(odd, "tests");
  odd = document();
  odd["session"]["timeline"] = json::array({1, "x", nullptr});
  refused(odd, "session.timeline[0]");
  odd = document();
  odd["score"]["passed"] = "two";
  refused(odd, "score.passed");
  odd = document();
  odd["tests"][1]["verdict"] = "PE";
  refused(odd, "tests[1].verdict");
}

TEST(Report, WithoutSessionHasNoSessionSection) {
  json no_session = document();
  no_session.erase("session");
  for (Format f : {Format::text, Format::markdown, Format::html})
    EXPECT_NO_THROW(render(typed(no_session), f));
  EXPECT_FALSE(contains(render(typed(no_session), Format::text), "Session"));
}

TEST(Escape, TextNeutralisesTerminalControls) {
  EXPECT_EQ(clean_text("a\x1b[31mred\x07"), "a\\x1b[31mred\\x07");
  EXPECT_EQ(clean_text("line\r\nnext\rover"), "line\nnext\\rover");
  EXPECT_EQ(clean_text("\xc2\x9b"
                       "2J"),
            "\\x9b2J");
  EXPECT_EQ(clean_text("héllo\tok\n"), "héllo\tok\n");
}

TEST(Escape, Html) {
  EXPECT_EQ(html_escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
}

TEST(Escape, MarkdownCodeBlockFenceOutgrowsContent) {
  std::string block = md_code_block("```\nnot the end\n````\n");
  EXPECT_EQ(block.substr(0, 5), "`````");
  EXPECT_EQ(md_inline("a|b*c_d`e<f>"), "a\\|b\\*c\\_d\\`e&lt;f&gt;");
}

TEST(Format, FromNameAndExtension) {
  EXPECT_EQ(format_from_string("md"), Format::markdown);
  EXPECT_EQ(format_from_string("html"), Format::html);
  EXPECT_EQ(format_from_string("text"), Format::text);
  EXPECT_FALSE(format_from_string("pdf"));
  EXPECT_EQ(format_from_extension("r/report.HTML"), Format::html);
  EXPECT_EQ(format_from_extension("r.md"), Format::markdown);
  EXPECT_EQ(format_from_extension("r.txt"), Format::text);
}

}  // namespace
