// Session lengths, countdowns, stored timestamps and session ids: the small parsers every session
// command relies on.
#include <gtest/gtest.h>

#include "proctor/runner/error.hpp"
#include "session/clock.hpp"
#include "session/duration.hpp"
#include "session/paths.hpp"

namespace {

using namespace std::chrono_literals;
using proctor::runner::UserError;
using namespace proctor::session;

TEST(ParseDuration, AcceptsUnitsAndCombinations) {
  EXPECT_EQ(parse_duration("30m"), 1800s);
  EXPECT_EQ(parse_duration("90s"), 90s);
  EXPECT_EQ(parse_duration("2h"), 7200s);
  EXPECT_EQ(parse_duration("1h30m"), 5400s);
  EXPECT_EQ(parse_duration("1h2m3s"), 3723s);
  EXPECT_EQ(parse_duration("5M"), 300s);
  EXPECT_EQ(parse_duration("24h"), 86400s);
}

TEST(ParseDuration, RefusesAmbiguousOrBadInput) {
  for (const char* bad :
       {"", "30", "m", "10x", "-5m", "1.5h", "10m5m", "0s", "25h", "30 m", "m30", "1h-1m", "99999999999h"}) {
    EXPECT_THROW(parse_duration(bad), UserError) << bad;
  }
}

TEST(ParseDuration, MessageNamesTheInputAndSuggestsAUnit) {
  try {
    parse_duration("45");
    FAIL() << "no exception";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("'45'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("45m"), std::string::npos) << e.what();
  }
}

TEST(FormatDuration, HumanReadable) {
  EXPECT_EQ(format_duration(0ms), "0s");
  EXPECT_EQ(format_duration(-5000ms), "0s");
  EXPECT_EQ(format_duration(45'999ms), "45s");
  EXPECT_EQ(format_duration(750'000ms), "12m 30s");
  EXPECT_EQ(format_duration(3'900'000ms), "1h 05m");
}

TEST(FormatClock, RoundsUpSoZeroMeansOver) {
  EXPECT_EQ(format_clock(0ms), "0:00");
  EXPECT_EQ(format_clock(-1ms), "0:00");
  EXPECT_EQ(format_clock(1ms), "0:01");
  EXPECT_EQ(format_clock(59'001ms), "1:00");
  EXPECT_EQ(format_clock(754'000ms), "12:34");
  EXPECT_EQ(format_clock(3'723'000ms), "1:02:03");
}

TEST(Timestamps, RoundTripWithMilliseconds) {
  Instant t{std::chrono::milliseconds(1'740'821'400'250)};
  EXPECT_EQ(to_iso(t), "2025-03-01T09:30:00.250Z");
  EXPECT_EQ(from_iso("2025-03-01T09:30:00.250Z"), t);
  EXPECT_EQ(from_iso("2025-03-01T09:30:00Z"), t - 250ms);
  Instant n = now();
  EXPECT_EQ(from_iso(to_iso(n)), n);
}

TEST(Timestamps, RefusesMalformed) {
  for (const char* bad :
       {"", "yesterday", "2025-03-01 09:30:00Z", "2025-03-01T09:30:00", "2025-03-01T09:30:00+0200",
        "2025-13-01T09:30:00Z", "2025-03-01T09:30:00.Z", "2025-03-01T09:30:00.250Zjunk",
        "2025-03-01T24:00:00Z", "2025-03-01T09:30:00+24:00", "2025-3-01T09:30:00Z"}) {
    EXPECT_THROW(from_iso(bad), UserError) << bad;
  }
}

// Results may come from elsewhere: every RFC 3339 form the schema allows reads as the same instant.
TEST(Timestamps, AcceptsOffsetsFractionsAndLowerCase) {
  Instant t{std::chrono::milliseconds(1'740'821'400'250)};
  EXPECT_EQ(from_iso("2025-03-01T11:30:00.250+02:00"), t);
  EXPECT_EQ(from_iso("2025-03-01T08:00:00.25-01:30"), t);
  EXPECT_EQ(from_iso("2025-03-01t09:30:00.250999z"), t);
  EXPECT_EQ(from_iso("2025-03-01T09:30:00.2Z"), t - 50ms);
}

TEST(SessionIds, ValidatesFormat) {
  for (const char* good : {"k7f3qz", "abc", "a-b-c", "2025-03-01-ada"}) EXPECT_TRUE(valid_id(good)) << good;
  for (const char* bad : {"", "..", ".", "../x", "a/b", "-rf", "ABC", "a b", "a\nb", "x.json",
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
    EXPECT_FALSE(valid_id(bad)) << bad;
  }
  for (int i = 0; i < 50; ++i) EXPECT_TRUE(valid_id(new_id()));
}

TEST(SessionIds, SessionDirRefusesBadIdsBeforeTouchingTheFileSystem) {
  EXPECT_THROW(session_dir("/", "../etc"), UserError);
  EXPECT_THROW(session_dir("/", "etc/passwd"), UserError);
  EXPECT_THROW(session_dir("/nonexistent-root", "abc"), UserError);
}

}  // namespace
