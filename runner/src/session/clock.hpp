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
// Local time of day for people, "14:05:09".
std::string local_time_of_day(Instant t);

}  // namespace proctor::session
