// The interviewer's side of a session through the real proctor binary: extending time, private notes,
// choosing what gets graded (and the warnings about that choice), re-grading, the "no submission"
// verdict, `show` and `diff`, `list` with dates and its directory, `start` refusing a package that fails
// validation, times with their zone, and elapsed times identical in `status` and the report. Time is
// the test's (PROCTOR_CLOCK_FILE): nothing sleeps.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema_check.hpp"
#include "session_fixture.hpp"

namespace {

using namespace proctor::test::session_fixture;

class Interviewer : public SessionFlow {
 protected:
  void SetUp() override {
    SessionFlow::SetUp();
    ::setenv("TZ", "UTC", 1);  // times are printed in local time with their zone; make the zone known
  }
  Outcome submit(const std::string& id, const char* source) {
    static int k = 0;
    stdfs::path file = dir_ / ("s" + std::to_string(k++) + ".c");
    write(file, source);
    Outcome r = proctor({"session", "submit", id, file.string()});
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    return r;
  }
  static bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }
};

TEST_F(Interviewer, ExtendMovesTheDeadlineAndRecordsWhoAndWhen) {
  std::string id = start("10m");
  advance(9min);
  Outcome ext = proctor({"session", "extend", id, "10m", "--by", "alice"});
  ASSERT_EQ(ext.code, 0) << ext.err;
  EXPECT_TRUE(has(ext.out, "09:10:00 UTC to 09:20:00 UTC")) << ext.out;
  json events = session_json(id)["events"];
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["type"], "extend");
  EXPECT_EQ(events[0]["by"], "alice");
  EXPECT_EQ(events[0]["seconds"], 600);
  EXPECT_EQ(events[0]["at"], "2030-01-15T09:09:00.000Z");
  EXPECT_EQ(session_json(id)["deadline"], "2030-01-15T09:20:00.000Z");

  Outcome status = proctor({"session", "status", id});
  EXPECT_TRUE(has(status.out, "11m 00s left")) << status.out;
  EXPECT_TRUE(has(status.out, "Extended by 10m 00s at 09:09:00 UTC by alice")) << status.out;

  advance(10min);  // 19 minutes in: on time only thanks to the extension
  submit(id, kCorrect);
  EXPECT_FALSE(session_json(id)["submissions"][0]["late"].get<bool>());
  advance(2min);
  Outcome late = proctor({"session", "submit", id, (dir_ / "wrong.c").string()});
  EXPECT_EQ(late.code, 1) << "past the extended deadline";

  Outcome finish = proctor({"session", "finish", id});
  ASSERT_EQ(finish.code, 0) << finish.err;
  Outcome again = proctor({"session", "extend", id, "5m"});
  EXPECT_EQ(again.code, 2);
  EXPECT_TRUE(has(again.err, "already finished")) << again.err;
  Outcome bad = proctor({"session", "extend", id, "5"});
  EXPECT_EQ(bad.code, 2) << "a bare number is ambiguous";
}

TEST_F(Interviewer, NotesAreTimestampedPrivateAndReachTheResult) {
  std::string id = start();
  advance(3min);
  Outcome note = proctor({"session", "note", id, "asked about overflow; good answer", "--by", "bob"});
  ASSERT_EQ(note.code, 0) << note.err;
  EXPECT_TRUE(has(note.out, "09:03:00 UTC by bob")) << note.out;
  Outcome empty = proctor({"session", "note", id, "   "});
  EXPECT_EQ(empty.code, 2);
  EXPECT_TRUE(has(empty.err, "empty")) << empty.err;

  // What the candidate sees never carries it.
  Outcome sub = submit(id, kCorrect);
  EXPECT_FALSE(has(sub.out, "overflow")) << sub.out;
  Outcome sub_json = proctor({"session", "submit", id, (dir_ / "correct.c").string(), "--json"});
  EXPECT_FALSE(has(sub_json.out, "overflow")) << sub_json.out;

  Outcome show = proctor({"session", "show", id});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_TRUE(has(show.out, "+3:00    09:03:00 UTC  note by bob: asked about overflow; good answer"))
      << show.out;

  proctor({"session", "finish", id});
  advance(1min);
  Outcome after = proctor({"session", "note", id, "debrief: hire", "--by", "bob"});
  ASSERT_EQ(after.code, 0) << "notes can be added after the finish";
  json result = json::parse(read(sessions_ / id / "result.json"));
  std::vector<std::string> texts;
  for (const json& e : result["session"]["events"])
    if (e["type"] == "note") texts.push_back(e["text"]);
  EXPECT_EQ(texts, (std::vector<std::string>{"asked about overflow; good answer", "debrief: hire"}));
  EXPECT_TRUE(matches_result_schema(result));
}

TEST_F(Interviewer, FinishWarnsWhenTheGradedSubmissionIsBrokenAndAnEarlierOnePassed) {
  std::string id = start("30m");
  advance(5min);
  submit(id, kCorrect);  // #1 passes the samples
  advance(20min);
  submit(id, kBroken);  // #2, a last-minute accident
  Outcome finish = proctor({"session", "finish", id});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_TRUE(has(finish.out, "Verdict: CE")) << finish.out;
  EXPECT_TRUE(has(finish.out, "(graded submission 2)")) << finish.out;
  EXPECT_TRUE(has(finish.out,
                  "Warning: the graded submission #2 does not compile, but the earlier submission #1 "
                  "passed 1/1 samples; `proctor session finish " +
                      id + " --submission 1` grades it instead"))
      << finish.out;

  // The interviewer re-grades with #1: recorded, and the result follows.
  advance(1min);
  Outcome regrade = proctor({"session", "finish", id, "--submission", "1", "--by", "carol", "--json"});
  ASSERT_EQ(regrade.code, 0) << regrade.err;
  json r = regrade.parsed();
  EXPECT_EQ(r["verdict"], "AC");
  EXPECT_EQ(r["regraded"], true);
  EXPECT_EQ(r["graded"], 1);
  json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_EQ(result["verdict"], "AC");
  EXPECT_EQ(result["score"]["passed"], 3);
  json events = session_json(id)["events"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["type"], "grade");
  EXPECT_EQ(events[0]["submission"], 2);
  EXPECT_EQ(events[0]["verdict"], "CE");
  EXPECT_EQ(events[0]["regrade"], false);
  EXPECT_EQ(events[0]["warnings"].size(), 1u);
  EXPECT_EQ(events[1]["submission"], 1);
  EXPECT_EQ(events[1]["chosen"], true);
  EXPECT_EQ(events[1]["regrade"], true);
  EXPECT_EQ(events[1]["by"], "carol");
  EXPECT_EQ(events[1]["at"], "2030-01-15T09:26:00.000Z");
  // #2 is later than the graded #1 and differs from it: said so.
  ASSERT_EQ(events[1]["warnings"].size(), 1u) << events[1];
  EXPECT_TRUE(has(events[1]["warnings"][0], "submission #2")) << events[1];

  Outcome status = proctor({"session", "status", id});
  EXPECT_TRUE(has(status.out, "graded submission 1")) << status.out;
  // A plain finish afterwards grades nothing and says what was graded.
  Outcome plain = proctor({"session", "finish", id});
  EXPECT_TRUE(has(plain.out, "already finished")) << plain.out;
  EXPECT_TRUE(has(plain.out, "(graded submission 1)")) << plain.out;
  EXPECT_EQ(session_json(id)["events"].size(), 2u);
}

TEST_F(Interviewer, FinishRefusesAMissingOrLateSubmission) {
  std::string id = start("1m");
  submit(id, kCorrect);
  advance(2min);
  Outcome late = proctor({"session", "submit", id, (dir_ / "wrong.c").string()});
  EXPECT_EQ(late.code, 1);
  Outcome missing = proctor({"session", "finish", id, "--submission", "7"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_TRUE(has(missing.err, "no submission 7")) << missing.err;
  Outcome refused = proctor({"session", "finish", id, "--submission", "2"});
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(has(refused.err, "submission 2 was late")) << refused.err;
  EXPECT_EQ(session_json(id)["state"], "open") << "a refused choice grades nothing";
}

TEST_F(Interviewer, AnUnsubmittedEditIsReported) {
  std::string id = start();
  submit(id, kCorrect);
  write(sessions_ / id / "workspace/solution.c", kWrong);  // edited after the last submission
  Outcome finish = proctor({"session", "finish", id});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_TRUE(has(finish.out, "Warning: the workspace's solution.c differs from the graded submission #1"))
      << finish.out;
}

TEST_F(Interviewer, NoSubmissionHasItsOwnVerdict) {
  std::string id = start();
  Outcome finish = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_EQ(finish.parsed()["verdict"], "NS");
  EXPECT_EQ(finish.parsed()["graded"], nullptr);
  json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_EQ(result["verdict"], "NS");
  EXPECT_EQ(result["score"]["passed"], 0);
  EXPECT_EQ(result["score"]["total"], 3);
  EXPECT_TRUE(matches_result_schema(result));
  Outcome text = proctor({"session", "status", id});
  EXPECT_TRUE(has(text.out, "verdict NS")) << text.out;
  EXPECT_TRUE(has(text.out, "(no submission)")) << text.out;
  Outcome report = proctor({"report", (sessions_ / id / "result.json").string(), "--format", "text"});
  EXPECT_EQ(report.code, 0) << report.err;
  EXPECT_TRUE(has(report.out, "No submission")) << report.out;
}

TEST_F(Interviewer, ShowPrintsTheTimelineAndASubmissionAndDiffComparesTwo) {
  std::string id = start();
  advance(65500ms);
  submit(id, kWrong);
  advance(2min);
  submit(id, kCorrect);
  Outcome show = proctor({"session", "show", id});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_TRUE(has(show.out, "+0:00    09:00:00 UTC  started: Ada <Lovelace>, sum-two, 10m 00s")) << show.out;
  EXPECT_TRUE(has(show.out, "+1:05    09:01:05 UTC  submission 1: 0/1 samples WA")) << show.out;
  EXPECT_TRUE(has(show.out, "+3:05    09:03:05 UTC  submission 2: 1/1 samples AC")) << show.out;

  Outcome one = proctor({"session", "show", id, "1"});
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_TRUE(has(one.out, "Submission 1 of session " + id + ": 2030-01-15 09:01 UTC (+1:05)")) << one.out;
  EXPECT_TRUE(has(one.out, kWrong)) << one.out;
  Outcome one_json = proctor({"session", "show", id, "2", "--json"});
  EXPECT_EQ(one_json.parsed()["source"], kCorrect);

  Outcome diff = proctor({"session", "diff", id, "1", "2"});
  ASSERT_EQ(diff.code, 0) << diff.err;
  EXPECT_TRUE(
      has(diff.out, "--- submission 1 (09:01:05 UTC)\n+++ submission 2 (09:03:05 UTC)\n@@ -1,2 +1,2 @@\n"))
      << diff.out;
  EXPECT_TRUE(has(diff.out, "\n-#include <stdio.h>\nint main") == false);
  EXPECT_TRUE(has(diff.out, "printf(\"%ld\\n\", a - b)")) << diff.out;
  EXPECT_TRUE(
      has(diff.out, "\n+int main(void) { long a, b; scanf(\"%ld %ld\", &a, &b); printf(\"%ld\\n\", a + b)"))
      << diff.out;
  Outcome same = proctor({"session", "diff", id, "2", "2"});
  EXPECT_TRUE(has(same.out, "identical")) << same.out;
  Outcome missing = proctor({"session", "diff", id, "1", "9"});
  EXPECT_EQ(missing.code, 2);
  Outcome missing_show = proctor({"session", "show", id, "9"});
  EXPECT_EQ(missing_show.code, 2);
  EXPECT_TRUE(has(missing_show.err, "no submission 9")) << missing_show.err;
}

TEST_F(Interviewer, ElapsedTimesAreTheSameInStatusAndTheReport) {
  std::string id = start();
  advance(65999ms);  // +1:05.999: both show +1:05
  submit(id, kCorrect);
  Outcome status = proctor({"session", "status", id});
  EXPECT_TRUE(has(status.out, "+1:05")) << status.out;
  proctor({"session", "finish", id});
  std::string html = read(sessions_ / id / "report.html");
  EXPECT_TRUE(has(html, "+1:05")) << "the report's timeline";
  Outcome md = proctor({"report", (sessions_ / id / "result.json").string(), "--format", "md"});
  EXPECT_TRUE(has(md.out, "+1:05")) << md.out;
}

TEST_F(Interviewer, ListShowsTheDateAndTheDirectoryItRead) {
  std::string id = start();
  Outcome list = proctor({"session", "list"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_TRUE(has(list.out, "Sessions in " + stdfs::absolute(sessions_).lexically_normal().string() + ":\n"))
      << list.out;
  EXPECT_TRUE(has(list.out, "2030-01-15 09:00 UTC")) << list.out;
  Outcome list_json = proctor({"session", "list", "--json"});
  EXPECT_EQ(list_json.parsed()["directory"], stdfs::absolute(sessions_).lexically_normal().string());
  Outcome elsewhere = Proc({"session", "list", "--sessions", (dir_ / "none").string()}, dir_).wait();
  EXPECT_TRUE(has(elsewhere.out, "(no such directory)")) << elsewhere.out;
}

TEST_F(Interviewer, StartRefusesAPackageThatFailsValidation) {
  // A "wrong answer" that is in fact accepted: the package's own promise is broken.
  write(package_ / "submissions/wrong_answer/not_wrong.c", kCorrect);
  Outcome r = proctor({"session", "start", package_.string(), "--candidate", "Ada"});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "fails `proctor exercise validate`")) << r.err;
  EXPECT_TRUE(has(r.err, "not_wrong.c")) << r.err;
  std::error_code ec;
  for (const auto& e : stdfs::directory_iterator(sessions_, ec))
    EXPECT_EQ(e.path().filename().string()[0], '.') << "no session was created: " << e.path();
  stdfs::remove(package_ / "submissions/wrong_answer/not_wrong.c");
  stdfs::remove(package_ / "submissions/wrong_answer");
  EXPECT_EQ(proctor({"session", "start", package_.string(), "--candidate", "Ada"}).code, 0);
}

// The report a colleague who was not there reads: self-contained (no absolute path of this machine, no
// script, nothing loaded), structurally valid HTML, every candidate-controlled text escaped, with the
// graded source highlighted, the diffs, the whole timeline, the tests' descriptions and the subtotals.
TEST_F(Interviewer, ReportIsSelfContainedValidAndEscaped) {
  write(package_ / "data/secret/1.desc", "Adds two <positive> numbers & checks the sum\n");
  const std::string evil_name = "Eve </script><script>alert(1)</script> & \"co\"";
  Outcome started = proctor(
      {"session", "start", package_.string(), "--candidate", evil_name, "--duration", "30m", "--json"});
  ASSERT_EQ(started.code, 0) << started.err;
  const std::string id = started.parsed()["id"];
  advance(2min);
  submit(id, kWrong);
  advance(3min);
  // A comment that would end a script block and an ampersand in a string: shown, never interpreted.
  const std::string source = std::string("/* </script><b>bold</b> & */\n") + kCorrect;
  submit(id, source.c_str());
  proctor({"session", "note", id, "<i>careful</i> & quick", "--by", "zoe"});
  proctor({"session", "extend", id, "5m", "--by", "zoe"});
  Outcome finish = proctor({"session", "finish", id});
  ASSERT_EQ(finish.code, 0) << finish.err;

  const std::string html = read(sessions_ / id / "report.html");
  Outcome md = proctor({"report", (sessions_ / id / "result.json").string(), "--format", "md"});
  Outcome text = proctor({"report", (sessions_ / id / "result.json").string(), "--format", "text"});
  ASSERT_EQ(md.code, 0) << md.err;
  ASSERT_EQ(text.code, 0) << text.err;
  for (const std::string* doc : std::vector<const std::string*>{&html, &md.out, &text.out}) {
    EXPECT_FALSE(has(*doc, dir_.string())) << "an absolute path of this machine:\n" << *doc;
    EXPECT_FALSE(has(*doc, "/tmp/")) << *doc;
    EXPECT_TRUE(has(*doc, "Adds two")) << "the test's description";
    EXPECT_TRUE(has(*doc, "careful")) << "the note";
    EXPECT_TRUE(has(*doc, "time extended by 5 min by zoe")) << *doc;
    EXPECT_TRUE(has(*doc, "Changes between submissions")) << *doc;
    EXPECT_TRUE(has(*doc, "Graded source: submission 2, +5:00")) << *doc;
  }
  // HTML: valid, no script, everything escaped.
  std::string cmd = "/usr/bin/python3 " + std::string(PROCTOR_SOURCE_DIR) + "/tests/report/check_html.py " +
                    (sessions_ / id / "report.html").string() + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string problems;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) problems.append(buf, n);
  EXPECT_EQ(::pclose(p), 0) << problems;
  EXPECT_FALSE(has(html, "<script")) << "no candidate text becomes markup";
  EXPECT_FALSE(has(html, "<b>bold")) << html;
  EXPECT_FALSE(has(html, "<i>careful")) << html;
  EXPECT_TRUE(has(html, "Eve &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"))
      << html;
  EXPECT_TRUE(has(html, "<span class=\"m\">/* &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; */</span>"))
      << html;
  EXPECT_TRUE(has(html, "<span class=\"k\">return</span>")) << "the source is highlighted";
  EXPECT_TRUE(has(html, "Adds two &lt;positive&gt; numbers &amp; checks the sum")) << html;
  EXPECT_TRUE(
      has(html,
          "<span class=\"dr\">-int main(void) { long a, b; scanf(&quot;%ld %ld&quot;, &amp;a, &amp;b); "
          "printf(&quot;%ld\\n&quot;, a - b); return 0; }</span>"))
      << "the diff between the submissions";
  EXPECT_TRUE(has(html, "@page{size:A4")) << "prints on A4";
  // Group subtotals and the timeline in text.
  EXPECT_TRUE(has(text.out, "By group\n  sample: 1/1\n  secret: 2/2\n")) << text.out;
  EXPECT_TRUE(has(text.out, "  +2:00    09:02:00 UTC  submission 1: 0/1 samples WA\n")) << text.out;
  EXPECT_TRUE(has(text.out, "note by zoe: <i>careful</i> & quick")) << text.out;
  // The result carries the description too (a copied result.json keeps it).
  json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_EQ(result["tests"][1]["description"], "Adds two <positive> numbers & checks the sum");
  EXPECT_FALSE(result["tests"][0].contains("description")) << "absent when the package has none";
  EXPECT_TRUE(matches_result_schema(result));
}

}  // namespace
