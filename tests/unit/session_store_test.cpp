// session.json: round trip, and clear errors (naming the file) for a missing or corrupted one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "session/session.hpp"
#include "session/timeline.hpp"

namespace {

namespace stdfs = std::filesystem;
using namespace proctor::session;
using proctor::runner::UserError;

class SessionStore : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/proctor-store-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    files_.dir = tmpl;
  }
  void TearDown() override { stdfs::remove_all(files_.dir); }

  Session sample() {
    Session s;
    s.id = "k7f3qz";
    s.candidate = "Zoë \"Z\" O'Hara";
    s.exercise_path = "/srv/sum";
    s.exercise_id = "sum-two";
    s.exercise_title = "Sum";
    s.package_sha256 = std::string(64, 'a');
    s.started_at = Instant(std::chrono::milliseconds(1'740'821'400'000));
    s.deadline = s.started_at + std::chrono::minutes(30);
    Submission a;
    a.n = 1;
    a.file = "submissions/001.c";
    a.submitted_at = s.started_at + std::chrono::minutes(3);
    a.sha256 = std::string(64, 'b');
    a.bytes = 10;
    a.sample_passed = 1;
    a.sample_total = 2;
    a.verdict = proctor::runner::Verdict::WA;
    Submission b = a;
    b.n = 2;
    b.file = "submissions/002.c";
    b.sample_passed.reset();
    b.sample_total.reset();
    b.verdict.reset();
    s.submissions = {a, b};
    return s;
  }
  SessionFiles files_;
};

TEST_F(SessionStore, RoundTrip) {
  Session s = sample();
  save_session(files_, s);
  Session back = load_session(files_);
  EXPECT_EQ(nlohmann::json(to_json(back)), nlohmann::json(to_json(s)));
  EXPECT_EQ(back.last_on_time()->n, 2);
  EXPECT_EQ(back.next_number(), 3);
  nlohmann::json block = proctor::runner::to_json(session_record(back));
  EXPECT_EQ(block["timeline"][0]["sample_passed"], 1);
  EXPECT_FALSE(block["timeline"][1].contains("sample_passed")) << "ungraded: absent, not null";
}

TEST_F(SessionStore, EventsRoundTripInTheSessionAndTheResult) {
  Session s = sample();
  const Instant at = s.started_at + std::chrono::minutes(5);
  s.events.push_back(
      Event{at, "alice",
            TimeExtended{std::chrono::minutes(10), s.deadline, s.deadline + std::chrono::minutes(10)}});
  s.deadline += std::chrono::minutes(10);
  s.events.push_back(Event{at, "bob", NoteAdded{"</script> & \"quotes\"\nsecond line"}});
  Graded g;
  g.submission = 2;
  g.chosen = true;
  g.verdict = proctor::runner::Verdict::CE;
  g.score = {0, 3, 0, 3};
  g.warnings = {"the graded submission #2 does not compile"};
  s.events.push_back(Event{at, "carol", g});
  s.events.push_back(Event{at, "deadline", Graded{}});
  save_session(files_, s);
  Session back = load_session(files_);
  EXPECT_EQ(nlohmann::json(to_json(back)), nlohmann::json(to_json(s)));
  ASSERT_EQ(back.events.size(), 4u);
  EXPECT_EQ(std::get<NoteAdded>(back.events[1].what).text, "</script> & \"quotes\"\nsecond line");
  EXPECT_EQ(back.original_deadline(), s.started_at + std::chrono::minutes(30));
  ASSERT_NE(back.last_grading(), nullptr);
  EXPECT_FALSE(back.last_grading()->submission.has_value()) << "the latest grading wins";
  nlohmann::json block = proctor::runner::to_json(session_record(back));
  EXPECT_EQ(block["events"][0]["type"], "extend");
  EXPECT_EQ(block["events"][0]["seconds"], 600);
  EXPECT_EQ(block["events"][2]["submission"], 2);
  EXPECT_EQ(block["events"][3]["submission"], nullptr);
  // Read back by the result reader, too.
  nlohmann::json doc = nlohmann::json::parse(proctor::fs::read_file(files_.session_json()));
  auto event = proctor::runner::event_from_json(doc["events"][2], "events[2]");
  EXPECT_EQ(std::get<Graded>(event.what).warnings, g.warnings);
  doc["events"][1]["type"] = "gossip";
  try {
    proctor::runner::event_from_json(doc["events"][1], "events[1]");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("events[1].type: unknown event type 'gossip'"), std::string::npos)
        << e.what();
  }
}

TEST_F(SessionStore, SessionsWithoutEventsStillLoad) {
  save_session(files_, sample());
  nlohmann::json j = nlohmann::json::parse(proctor::fs::read_file(files_.session_json()));
  j.erase("events");
  proctor::fs::atomic_write(files_.session_json(), j.dump());
  EXPECT_TRUE(load_session(files_).events.empty());
}

TEST_F(SessionStore, LastOnTimeIgnoresLateAndUsesReceptionTime) {
  Session s = sample();
  s.submissions[0].submitted_at += std::chrono::minutes(10);  // stored first, received later
  EXPECT_EQ(s.last_on_time()->n, 1);
  s.submissions[0].late = true;
  EXPECT_EQ(s.last_on_time()->n, 2);
  s.submissions[1].late = true;
  EXPECT_EQ(s.last_on_time(), nullptr);
}

TEST_F(SessionStore, MissingFileIsNamed) {
  try {
    load_session(files_);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("session.json"), std::string::npos) << e.what();
  }
}

TEST_F(SessionStore, CorruptedFilesAreRefusedAndLeftAlone) {
  save_session(files_, sample());
  std::string good = proctor::fs::read_file(files_.session_json());
  std::vector<std::string> corruptions = {
      good.substr(0, good.size() / 2),  // torn (cannot happen with atomic writes, but a hand edit can)
      "",
      "[]",
      "{\"format\": \"something-else\"}",
  };
  nlohmann::json j = nlohmann::json::parse(good);
  j.erase("deadline");
  corruptions.push_back(j.dump());
  j = nlohmann::json::parse(good);
  j["deadline"] = "tomorrow";
  corruptions.push_back(j.dump());
  j = nlohmann::json::parse(good);
  j["submissions"][0]["file"] = "../../etc/passwd";
  corruptions.push_back(j.dump());
  j = nlohmann::json::parse(good);
  j["state"] = "paused";
  corruptions.push_back(j.dump());
  for (const std::string& bad : corruptions) {
    proctor::fs::atomic_write(files_.session_json(), bad);
    try {
      load_session(files_);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const UserError& e) {
      std::string what = e.what();
      EXPECT_NE(what.find(files_.session_json().string()), std::string::npos) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << "one line: " << what;
    }
    EXPECT_EQ(proctor::fs::read_file(files_.session_json()), bad) << "the file must not be touched";
  }
}

}  // namespace
