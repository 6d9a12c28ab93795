// The session layer's change feed (session/changes.hpp): event ids that round-trip per audience and
// reveal nothing across audiences, what each audience is sent, a submission sent when received and again
// once settled, and time up.
#include <gtest/gtest.h>

#include "proctor/runner/result.hpp"
#include "session/changes.hpp"

namespace {

using namespace proctor::session;
using proctor::runner::Verdict;

Observed fresh_session() {
  Observed o;
  o.session.id = "abc123";
  o.session.started_at = Instant(std::chrono::milliseconds(1'900'000'000'000));
  o.session.deadline = o.session.started_at + std::chrono::minutes(30);
  o.at = o.session.started_at + std::chrono::minutes(1);
  return o;
}

std::vector<std::string> event_types(const std::vector<Change>& changes) {
  std::vector<std::string> out;
  for (const Change& c : changes) out.push_back(c.type);
  return out;
}

Event private_note(Instant at) {
  return Event{at, "me", proctor::runner::NoteAdded{"private"}};
}

Event extended(Observed& o, std::chrono::minutes by) {
  proctor::runner::TimeExtended x{by, o.session.deadline, o.session.deadline + by};
  o.session.deadline = x.new_deadline;
  return Event{o.at, "me", x};
}

TEST(SessionChanges, CursorsRoundTripPerAudienceOnly) {
  Cursor c;
  c.draft = 12;
  c.runs = 3;
  c.submissions = 2;
  c.settled = 1;
  c.events = 4;
  c.extensions = 1;
  c.time_up = true;
  std::string interviewer = format_cursor(c, Audience::interviewer);
  std::string candidate = format_cursor(c, Audience::candidate);
  EXPECT_EQ(interviewer, "i1.12.3.2.1.4.1.0");
  EXPECT_EQ(candidate, "c1.1.1.0");
  auto back = parse_cursor(interviewer, Audience::interviewer);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->draft, 12);
  EXPECT_EQ(back->settled, 1u);
  EXPECT_EQ(back->events, 4u);
  EXPECT_TRUE(back->time_up);
  EXPECT_FALSE(parse_cursor(interviewer, Audience::candidate));
  EXPECT_FALSE(parse_cursor(candidate, Audience::interviewer));
  for (const char* bad : {"", "i1", "i1.1.2.3.4.5.1", "i1.1.2.3.4.5.6.2", "i1.-1.0.0.0.0.0.0", "c1.1.1.0.0",
                          "c1.x.0.0", "c2.1.0.0", "c1.1234567890.0.0"})
    EXPECT_FALSE(parse_cursor(bad, Audience::candidate) || parse_cursor(bad, Audience::interviewer)) << bad;
}

TEST(SessionChanges, TheCandidateGetsExtensionsOnlyAndItsIdCountsNoNote) {
  Observed o = fresh_session();
  Cursor start = cursor_of(o);
  o.session.events.push_back(private_note(o.at));
  EXPECT_TRUE(changes_since(start, o, Audience::candidate).empty());
  o.session.events.push_back(extended(o, std::chrono::minutes(10)));
  auto seen = changes_since(start, o, Audience::candidate);
  EXPECT_EQ(event_types(seen), std::vector<std::string>{"extend"});
  EXPECT_EQ(seen[0].data["deadline"], to_iso(o.session.deadline));
  EXPECT_FALSE(seen[0].data.contains("by"));
  EXPECT_EQ(format_cursor(seen.back().after, Audience::candidate), "c1.1.0.0");
  EXPECT_EQ(event_types(changes_since(start, o, Audience::interviewer)),
            (std::vector<std::string>{"note", "extend"}));
}

TEST(SessionChanges, ASubmissionIsSentWhenReceivedAndAgainOnceSettled) {
  Observed o = fresh_session();
  Submission received;
  received.n = 1;
  received.submitted_at = o.at;
  o.session.submissions.push_back(received);
  Cursor start = cursor_of(fresh_session());
  auto first = changes_since(start, o, Audience::interviewer);
  ASSERT_EQ(event_types(first), std::vector<std::string>{"submission"});
  EXPECT_FALSE(first[0].data.contains("verdict"));
  Cursor after = first.back().after;
  EXPECT_TRUE(changes_since(after, o, Audience::interviewer).empty());
  o.session.submissions[0].sample_passed = 3;
  o.session.submissions[0].sample_total = 3;
  o.session.submissions[0].verdict = Verdict::AC;
  auto second = changes_since(after, o, Audience::interviewer);
  ASSERT_EQ(event_types(second), std::vector<std::string>{"submission"});
  EXPECT_EQ(second[0].data["verdict"], "AC");
  EXPECT_TRUE(changes_since(second.back().after, o, Audience::interviewer).empty());
  EXPECT_TRUE(changes_since(start, o, Audience::candidate).empty());
}

TEST(SessionChanges, TimeUpOnceAndAnExtensionAfterItReopens) {
  Observed o = fresh_session();
  Cursor start = cursor_of(o);
  o.at = o.session.deadline;
  auto up = changes_since(start, o, Audience::candidate);
  EXPECT_EQ(event_types(up), std::vector<std::string>{"time_up"});
  EXPECT_EQ(up[0].data["state"], "expired");
  EXPECT_TRUE(changes_since(up.back().after, o, Audience::candidate).empty());
  o.session.events.push_back(extended(o, std::chrono::minutes(5)));
  auto reopened = changes_since(up.back().after, o, Audience::candidate);
  EXPECT_EQ(event_types(reopened), std::vector<std::string>{"extend"});
  EXPECT_EQ(reopened[0].data["state"], "open");
  EXPECT_FALSE(reopened.back().after.time_up);
}

}  // namespace
