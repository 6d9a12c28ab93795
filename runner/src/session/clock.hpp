#pragma once
// Wall-clock instants as sessions store them: UTC, millisecond precision, ISO 8601
// ("2025-03-01T09:30:00.250Z"). Deadlines are wall-clock on purpose: a session outlives any process,
// so a monotonic clock could not be compared across commands.
#include <chrono>
#include <string>

namespace proctor::session {

using Clock = std::chrono::system_clock;
using Instant = std::chrono::time_point<Clock, std::chrono::milliseconds>;

Instant now();
std::string to_iso(Instant t);
// Throws runner::UserError for a malformed timestamp (the caller adds the file name).
Instant from_iso(const std::string& text);
// Local time of day for people, "14:05:09".
std::string local_time_of_day(Instant t);

}  // namespace proctor::session
