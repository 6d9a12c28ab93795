// Interview sessions end to end through the real proctor binary and the real grader: start, submits
// before and after the deadline, status, automatic and idempotent finish, concurrent submits, kill -9
// during a submit, a changed package, bad input, the report in all formats, and `watch` in a real
// terminal (tmux). Each test builds its own tiny exercise package, so it depends on nothing else.
//
// Time is the test's: every proctor process reads the current instant from PROCTOR_CLOCK_FILE
// (docs/sessions.md, "Testing"), which the test moves forward instead of sleeping, so deadlines, late
// submits and automatic finishes do not depend on how loaded the machine is.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "schema_check.hpp"
#include "session_fixture.hpp"

namespace {

using namespace proctor::test::session_fixture;

TEST_F(SessionFlow, StartPreparesWorkspaceAndFrozenPackage) {
  Outcome r = proctor({"session", "start", package_.string(), "--candidate", "Ada"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Tell the candidate"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("30m 00s"), std::string::npos) << "default duration from the exercise:\n" << r.out;
  std::string id = start("45s");
  stdfs::path dir = sessions_ / id;
  EXPECT_EQ(read(dir / "workspace/solution.c"), read(package_ / "starter.c"));
  EXPECT_TRUE(stdfs::exists(dir / "workspace/statement.md"));
  EXPECT_FALSE(stdfs::exists(dir / "workspace/data")) << "the candidate never gets the tests";
  EXPECT_EQ(read(dir / "package/data/secret/1.ans"), "42\n");
  json s = session_json(id);
  EXPECT_EQ(s["state"], "open");
  EXPECT_EQ(s["candidate"], "Ada <Lovelace>");
  EXPECT_EQ(s["exercise"]["sha256"].get<std::string>().size(), 64u);
  // No staging directory is left behind (.validated remembers the packages that passed validation).
  for (const auto& e : stdfs::directory_iterator(sessions_))
    EXPECT_NE(e.path().filename().string().rfind(".staging", 0), 0u) << e.path();

  Outcome bad = proctor({"session", "start", package_.string(), "--candidate", "Ada", "--duration", "30"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("bad duration '30'"), std::string::npos) << bad.err;
  Outcome missing = proctor({"session", "start", (dir_ / "nope").string(), "--candidate", "Ada"});
  EXPECT_EQ(missing.code, 2) << missing.err;
}

TEST_F(SessionFlow, SubmitRunsOnlySamplesAndStoresSnapshots) {
  std::string id = start();
  write(sessions_ / id / "workspace/solution.c", kWrong);
  Outcome first = proctor({"session", "submit", id, "--json"});
  ASSERT_EQ(first.code, 0) << first.err;
  json j = first.parsed();
  EXPECT_EQ(j["n"], 1);
  EXPECT_EQ(j["verdict"], "WA");
  EXPECT_EQ(j["sample_total"], 1);
  for (const json& t : j["tests"])
    EXPECT_EQ(t["visibility"], "sample") << "secret tests are never run on submit";

  Outcome second = proctor({"session", "submit", id, (dir_ / "correct.c").string()});
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("Samples: 1/1 passed"), std::string::npos) << second.out;
  Outcome third = proctor({"session", "submit", id, (dir_ / "broken.c").string()});
  ASSERT_EQ(third.code, 0) << third.err;
  EXPECT_NE(third.out.find("undefined_name"), std::string::npos) << "compiler output shown:\n" << third.out;

  EXPECT_EQ(read(sessions_ / id / "submissions/001.c"), kWrong);
  EXPECT_EQ(read(sessions_ / id / "submissions/002.c"), kCorrect);
  EXPECT_EQ(read(sessions_ / id / "submissions/003.c"), kBroken);
  // Editing the workspace afterwards changes nothing stored.
  write(sessions_ / id / "workspace/solution.c", "changed");
  EXPECT_EQ(read(sessions_ / id / "submissions/001.c"), kWrong);

  Outcome status = proctor({"session", "status", id});
  ASSERT_EQ(status.code, 0) << status.err;
  for (const char* part : {"left", "#1", "0/1 samples WA", "1/1 samples AC", "0/1 samples CE"}) {
    EXPECT_NE(status.out.find(part), std::string::npos) << part << "\n" << status.out;
  }
  Outcome empty = proctor({"session", "submit", id, "/dev/null"});
  EXPECT_EQ(empty.code, 2) << empty.err;
  write(dir_ / "blank.c", "  \n");
  Outcome blank = proctor({"session", "submit", id, (dir_ / "blank.c").string()});
  EXPECT_EQ(blank.code, 2);
  EXPECT_NE(blank.err.find("empty"), std::string::npos) << blank.err;
  EXPECT_EQ(session_json(id)["submissions"].size(), 3u) << "refused files are not recorded";
}

TEST_F(SessionFlow, DeadlineRefusesLateSubmitsAndFinishesAutomatically) {
  std::string id = start("3s");
  advance(2999ms);
  Outcome on_time = proctor({"session", "submit", id, (dir_ / "correct.c").string()});
  ASSERT_EQ(on_time.code, 0) << on_time.err;
  EXPECT_FALSE(session_json(id)["submissions"][0]["late"].get<bool>()) << "a millisecond before the deadline";
  advance(2ms);
  Outcome late = proctor({"session", "submit", id, (dir_ / "wrong.c").string()});
  EXPECT_EQ(late.code, 1) << late.out << late.err;
  EXPECT_NE(late.err.find("deadline"), std::string::npos) << late.err;
  json s = session_json(id);
  ASSERT_EQ(s["submissions"].size(), 2u);
  EXPECT_TRUE(s["submissions"][1]["late"].get<bool>());
  EXPECT_EQ(read(sessions_ / id / "submissions/002.c"), kWrong) << "the late attempt is kept as evidence";
  EXPECT_EQ(s["state"], "open") << "submit does not grade secrets; status/finish/list do";

  Outcome status = proctor({"session", "status", id, "--json"});
  ASSERT_EQ(status.code, 0) << status.err;
  json st = status.parsed();
  EXPECT_EQ(st["state"], "finished");
  EXPECT_EQ(st["finished_by"], "deadline");
  EXPECT_EQ(st["verdict"], "AC") << "the late wrong attempt is not what gets graded";

  json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_TRUE(matches_result_schema(result));
  EXPECT_EQ(result["verdict"], "AC");
  EXPECT_EQ(result["score"]["total"], 3);
  EXPECT_EQ(result["session"]["finished_by"], "deadline");
  EXPECT_EQ(result["session"]["timeline"].size(), 2u);
  EXPECT_EQ(result["submission"]["sha256"], result["session"]["timeline"][0]["sha256"]);
  EXPECT_TRUE(stdfs::exists(sessions_ / id / "report.html"));

  // A late attempt after the finish also reaches result.json's timeline.
  Outcome later = proctor({"session", "submit", id, (dir_ / "wrong.c").string(), "--json"});
  EXPECT_EQ(later.code, 1);
  EXPECT_TRUE(later.parsed()["refused"].get<bool>());
  json again = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_EQ(again["session"]["timeline"].size(), 3u);
  EXPECT_EQ(again["verdict"], "AC");
  EXPECT_TRUE(matches_result_schema(again));
}

TEST_F(SessionFlow, FinishIsIdempotentAndListShowsResults) {
  std::string id = start();
  std::string other = start();
  ASSERT_EQ(proctor({"session", "submit", id, (dir_ / "wrong.c").string()}).code, 0);
  Outcome f1 = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(f1.code, 0) << f1.err;
  EXPECT_EQ(f1.parsed()["finished_by"], "interviewer");
  EXPECT_EQ(f1.parsed()["verdict"], "WA");
  EXPECT_FALSE(f1.parsed()["already_finished"].get<bool>());
  std::string result = read(sessions_ / id / "result.json");
  Outcome f2 = proctor({"session", "finish", id});
  ASSERT_EQ(f2.code, 0) << f2.err;
  EXPECT_NE(f2.out.find("already finished"), std::string::npos) << f2.out;
  EXPECT_EQ(read(sessions_ / id / "result.json"), result) << "a second finish does not grade again";

  Outcome after = proctor({"session", "submit", id, (dir_ / "correct.c").string()});
  EXPECT_EQ(after.code, 1) << "finished by the interviewer: refused";
  EXPECT_NE(after.err.find("finished by the interviewer"), std::string::npos) << after.err;

  Outcome list = proctor({"session", "list"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find(id), std::string::npos);
  EXPECT_NE(list.out.find("WA 0/3 tests"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find(other), std::string::npos);
  EXPECT_NE(list.out.find("left"), std::string::npos) << list.out;
  Outcome list_json = proctor({"session", "list", "--json"});
  ASSERT_EQ(list_json.code, 0);
  EXPECT_EQ(list_json.parsed()["sessions"].size(), 2u);
}

TEST_F(SessionFlow, NoSubmissionGivesASchemaValidNoSubmissionVerdict) {
  std::string id = start("1s");
  Outcome early = proctor({"session", "list", "--json"});
  ASSERT_EQ(early.code, 0) << early.err;
  EXPECT_EQ(early.parsed()["sessions"][0]["state"], "open") << "the clock has not moved";
  advance(1200ms);
  Outcome list = proctor({"session", "list", "--json"});  // list finishes expired sessions too
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(list.parsed()["sessions"][0]["state"], "finished");
  json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_EQ(result["verdict"], "NS") << "its own verdict, not CE";
  EXPECT_EQ(result["compile"]["output"].get<std::string>().rfind("no submission", 0), 0u);
  EXPECT_EQ(result["score"]["total"], 3);
  EXPECT_TRUE(result["tests"].empty());
  EXPECT_TRUE(matches_result_schema(result));
}

TEST_F(SessionFlow, ConcurrentSubmitsFromTwoProcesses) {
  std::string id = start();
  for (int round = 0; round < 2; ++round) {
    Proc a(with_sessions({"session", "submit", id, (dir_ / "correct.c").string(), "--json"}), dir_);
    Proc b(with_sessions({"session", "submit", id, (dir_ / "wrong.c").string(), "--json"}), dir_);
    Outcome ra = a.wait(), rb = b.wait();
    EXPECT_EQ(ra.code, 0) << ra.err;
    EXPECT_EQ(rb.code, 0) << rb.err;
    EXPECT_NE(ra.parsed()["n"], rb.parsed()["n"]);
  }
  json s = session_json(id);
  ASSERT_EQ(s["submissions"].size(), 4u);
  int correct = 0;
  for (int n = 1; n <= 4; ++n) {
    EXPECT_EQ(s["submissions"][n - 1]["n"], n);
    char name[32];
    std::snprintf(name, sizeof name, "submissions/%03d.c", n);
    std::string content = read(sessions_ / id / name);
    EXPECT_TRUE(content == kCorrect || content == kWrong);
    correct += content == kCorrect;
    EXPECT_EQ(s["submissions"][n - 1]["verdict"], content == kCorrect ? "AC" : "WA");
  }
  EXPECT_EQ(correct, 2);
}

TEST_F(SessionFlow, KillDuringSubmitLeavesAUsableSession) {
  std::string id = start();
  for (int delay_ms : {0, 5, 20, 60, 150, 300, 500}) {
    Proc p(with_sessions({"session", "submit", id, (dir_ / "correct.c").string()}), dir_);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(p.pid(), SIGKILL);
    p.wait();
    Outcome status = proctor({"session", "status", id, "--json"});
    ASSERT_EQ(status.code, 0) << "after kill at " << delay_ms << " ms: " << status.err;
    EXPECT_EQ(status.parsed()["state"], "open");
  }
  // The lock died with the killed process: a normal submit goes through at once.
  Outcome ok = proctor({"session", "submit", id, (dir_ / "wrong.c").string(), "--json"});
  ASSERT_EQ(ok.code, 0) << ok.err;
  json s = session_json(id);
  int n = ok.parsed()["n"].get<int>();
  EXPECT_EQ(s["submissions"].back()["n"], n);
  // Numbers never repeat, even when a killed submit left an unrecorded snapshot.
  std::set<int> numbers;
  for (const json& sub : s["submissions"]) EXPECT_TRUE(numbers.insert(sub["n"].get<int>()).second);
  Outcome finish = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_EQ(finish.parsed()["verdict"], "WA") << "the last on-time submission is graded";
  EXPECT_TRUE(matches_result_schema(json::parse(read(sessions_ / id / "result.json"))));
}

TEST_F(SessionFlow, KillDuringFinishThenFinishAgain) {
  std::string id = start();
  ASSERT_EQ(proctor({"session", "submit", id, (dir_ / "correct.c").string()}).code, 0);
  for (int delay_ms : {10, 100, 300}) {
    Proc p(with_sessions({"session", "finish", id}), dir_);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(p.pid(), SIGKILL);
    p.wait();
    ASSERT_EQ(proctor({"session", "status", id}).code, 0);
  }
  Outcome finish = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_EQ(finish.parsed()["verdict"], "AC");
  EXPECT_TRUE(matches_result_schema(json::parse(read(sessions_ / id / "result.json"))));
}

TEST_F(SessionFlow, ChangedPackageIsReportedAndTheFrozenCopyGraded) {
  std::string id = start();
  ASSERT_EQ(proctor({"session", "submit", id, (dir_ / "correct.c").string()}).code, 0);
  // The interviewer edits the exercise during the interview: the answers no longer match a + b.
  write(package_ / "data/secret/1.ans", "41\n");
  Outcome finish = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_NE(finish.err.find("changed since the session started"), std::string::npos) << finish.err;
  EXPECT_EQ(finish.parsed()["verdict"], "AC") << "graded against the package as it was at start";
  json result = json::parse(read(sessions_ / id / "result.json"));
  EXPECT_TRUE(result["session"]["package_changed"].get<bool>());
  Outcome report = proctor({"report", (sessions_ / id / "result.json").string()});
  EXPECT_NE(report.out.find("package changed"), std::string::npos) << report.out;

  // Tampering with the frozen copy itself is refused. (The original is restored first: start refuses a
  // package whose reference no longer passes.)
  write(package_ / "data/secret/1.ans", "42\n");
  std::string other = start();
  write(sessions_ / other / "package/data/secret/1.ans", "43\n");
  Outcome submit = proctor({"session", "submit", other, (dir_ / "correct.c").string()});
  EXPECT_EQ(submit.code, 2);
  EXPECT_NE(submit.err.find("package: the frozen copy of the package changed"), std::string::npos)
      << submit.err;
  Outcome fin = proctor({"session", "finish", other});
  EXPECT_EQ(fin.code, 2) << fin.err;
  EXPECT_EQ(session_json(other)["state"], "open") << "nothing is marked finished without a result";
}

TEST_F(SessionFlow, BadInputGivesOneLineErrorsAndLosesNothing) {
  std::string id = start();
  for (const char* bad : {"../etc", "a/b", "..", "NOPE", "x y"}) {
    Outcome r = proctor({"session", "status", bad});
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.err.find("bad session id"), std::string::npos) << r.err;
  }
  EXPECT_EQ(proctor({"session", "status", "-x"}).code, 2)
      << "taken for an option by the parser: still bad input";
  Outcome missing = proctor({"session", "finish", "zzzzzz"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no such session"), std::string::npos) << missing.err;

  // A deleted workspace: submit names the missing file; everything else still works.
  ASSERT_EQ(proctor({"session", "submit", id, (dir_ / "correct.c").string()}).code, 0);
  stdfs::remove_all(sessions_ / id / "workspace");
  Outcome submit = proctor({"session", "submit", id});
  EXPECT_EQ(submit.code, 2);
  EXPECT_NE(submit.err.find("workspace/solution.c"), std::string::npos) << submit.err;
  EXPECT_EQ(proctor({"session", "status", id}).code, 0);

  // A corrupted session.json: a clear error naming it, the file left as it was, other sessions listed.
  std::string broken = start();
  write(sessions_ / broken / "session.json", "{\"format\": \"proctor-session/1\", \"id\": ");
  for (const char* cmd : {"status", "submit", "finish"}) {
    Outcome r = proctor({"session", cmd, broken});
    EXPECT_EQ(r.code, 2) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find(broken + "/session.json"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  }
  EXPECT_EQ(read(sessions_ / broken / "session.json"), "{\"format\": \"proctor-session/1\", \"id\": ");
  Outcome list = proctor({"session", "list"});
  EXPECT_EQ(list.code, 2);
  EXPECT_NE(list.out.find(id), std::string::npos) << "the healthy session is still listed:\n" << list.out;
  EXPECT_NE(list.err.find("session.json"), std::string::npos);
  EXPECT_EQ(proctor({"session", "finish", id}).code, 0);
}

TEST_F(SessionFlow, ReportInAllFormats) {
  std::string id = start();
  ASSERT_EQ(proctor({"session", "submit", id, (dir_ / "broken.c").string()}).code, 0);
  ASSERT_EQ(proctor({"session", "submit", id, (dir_ / "correct.c").string()}).code, 0);
  ASSERT_EQ(proctor({"session", "finish", id}).code, 0);
  std::string result = (sessions_ / id / "result.json").string();

  Outcome text = proctor({"report", result});
  ASSERT_EQ(text.code, 0) << text.err;
  for (const char* part : {"Verdict: AC (Accepted)", "3/3 tests", "secret/1", "first passing sample: +",
                           "(submission 2)", "Ada <Lovelace>", "Sandbox:"}) {
    EXPECT_NE(text.out.find(part), std::string::npos) << part << "\n" << text.out;
  }
  Outcome md = proctor({"report", result, "--format", "md"});
  ASSERT_EQ(md.code, 0);
  EXPECT_NE(md.out.find("| Test | Description | Verdict |"), std::string::npos);
  EXPECT_NE(md.out.find("Ada &lt;Lovelace&gt;"), std::string::npos) << md.out;

  stdfs::path html = dir_ / "out/report.html";
  stdfs::create_directories(html.parent_path());
  Outcome h = proctor({"report", result, "-o", html.string()});
  ASSERT_EQ(h.code, 0) << h.err;
  std::string page = read(html);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("Ada &lt;Lovelace&gt;"), std::string::npos);
  EXPECT_EQ(page.find("Ada <Lovelace>"), std::string::npos);
  EXPECT_EQ(read(sessions_ / id / "report.html"), page) << "finish wrote the same report";

  Outcome bad_format = proctor({"report", result, "--format", "pdf"});
  EXPECT_EQ(bad_format.code, 2);
  write(dir_ / "junk.json", "{not json");
  Outcome junk = proctor({"report", (dir_ / "junk.json").string()});
  EXPECT_EQ(junk.code, 2);
  EXPECT_NE(junk.err.find("junk.json"), std::string::npos) << junk.err;
  EXPECT_EQ(proctor({"report", (dir_ / "missing.json").string()}).code, 2);
}

// --- watch in a real terminal ------------------------------------------------------------------------

bool have_tmux() {
  return std::system("command -v tmux >/dev/null 2>&1") == 0;
}

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string capture(const std::string& tmux_session) {
  std::string cmd = "tmux capture-pane -p -J -S -200 -t " + tmux_session + " 2>/dev/null";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

// `each_poll` runs between two looks at the screen (the watch test moves the session clock there).
bool wait_for_screen(const std::string& tmux_session, const std::string& text, std::chrono::seconds timeout,
                     const std::function<void()>& each_poll = {}) {
  auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (capture(tmux_session).find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(100ms);
    if (each_poll) each_poll();
  }
  return false;
}

TEST_F(SessionFlow, WatchInATerminalSubmitsEverySaveUntilTheDeadline) {
  if (!have_tmux()) GTEST_SKIP() << "tmux is not installed (scripts/setup installs it)";
  std::string id = start("10m");
  std::string tmux = "proctor-watch-" + id;
  // Passed on the command line: a tmux server that was already running would not hand down our
  // environment.
  std::string command = "PROCTOR_CLOCK_FILE=" + sh_quote(clock_file_.string()) + " " +
                        sh_quote(PROCTOR_BINARY) + " session watch " + id + " --sessions " +
                        sh_quote(sessions_.string()) + "; echo WATCH-EXIT=$?; sleep 60";
  std::string launch = "tmux new-session -d -x 160 -y 50 -s " + tmux + " " + sh_quote(command);
  ASSERT_EQ(std::system(launch.c_str()), 0);
  struct Cleanup {
    std::string name;
    ~Cleanup() { std::system(("tmux kill-session -t " + name + " 2>/dev/null").c_str()); }
  } cleanup{tmux};

  ASSERT_TRUE(wait_for_screen(tmux, "Deadline:", 10s)) << capture(tmux);
  ASSERT_TRUE(wait_for_screen(tmux, "Time left 10:00", 5s)) << "countdown:\n" << capture(tmux);
  advance(61s);
  ASSERT_TRUE(wait_for_screen(tmux, "Time left 8:59", 5s)) << "the countdown follows the clock:\n"
                                                           << capture(tmux);
  // Time moves a second per look at the screen, so the watcher's quiet period after a save elapses.
  auto tick = [&] { advance(1s); };
  stdfs::path solution = sessions_ / id / "workspace/solution.c";
  write(solution, kWrong);
  ASSERT_TRUE(wait_for_screen(tmux, "Samples: 0/1 passed, verdict WA", 15s, tick)) << capture(tmux);
  // An editor that saves through a temporary file and a rename.
  write(sessions_ / id / "workspace/.solution.c.swp", kCorrect);
  stdfs::rename(sessions_ / id / "workspace/.solution.c.swp", solution);
  ASSERT_TRUE(wait_for_screen(tmux, "Samples: 1/1 passed, verdict AC", 15s, tick)) << capture(tmux);
  advance(10min);
  ASSERT_TRUE(wait_for_screen(tmux, "Time is up", 10s)) << capture(tmux);
  ASSERT_TRUE(wait_for_screen(tmux, "WATCH-EXIT=0", 5s)) << capture(tmux);

  json s = session_json(id);
  ASSERT_EQ(s["submissions"].size(), 2u) << s.dump(2);
  EXPECT_EQ(s["submissions"][0]["verdict"], "WA");
  EXPECT_EQ(s["submissions"][1]["verdict"], "AC");
  Outcome finish = proctor({"session", "finish", id, "--json"});
  ASSERT_EQ(finish.code, 0) << finish.err;
  EXPECT_EQ(finish.parsed()["verdict"], "AC");
  EXPECT_EQ(finish.parsed()["finished_by"], "deadline");
}

}  // namespace
