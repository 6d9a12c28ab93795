#pragma once
// Wall-clock instants as sessions store them: UTC, millisecond precision, ISO 8601
// ("2025-03-01T09:30:00.250Z"). Deadlines are wall-clock on purpose: a session outlives any process,
// so a monotonic clock could not be compared across commands.
#include <chrono>
#include <string>

#include "proctor/runner/instant.hpp"
#include "time/rfc3339.hpp"

namespace proctor::session {

// The instant type and the codec live below sessions (shared with results and reports); sessions use
// them under these names.
using proctor::Clock;
using proctor::Instant;
using time::from_iso;
using time::to_iso;

Instant now();
// Local time of day for people, with its zone: "14:05:09 CET". Every time printed for people carries
// its zone: a remote interviewer and candidate may not share one.
std::string local_time_of_day(Instant t);
// Local date and time with its zone: "2030-01-15 14:05 CET".
std::string local_date_time(Instant t);

}  // namespace proctor::session
