#pragma once
// Session lengths as people type them ("45m", "1h30m", "90s") and time left as people read it.
#include <chrono>
#include <string>

namespace proctor::session {

// One or more <number><unit> parts, unit s, m or h, e.g. "30m", "1h30m", "2h". A bare number is
// refused: "30" could mean seconds or minutes. Between 1 second and 24 hours.
// Throws runner::UserError("bad duration '...': ...").
std::chrono::seconds parse_duration(const std::string& text);

// "1h 05m", "12m 30s", "45s", "0s"; negative durations print as "0s".
std::string format_duration(std::chrono::milliseconds d);

// Countdown style, "1:05:00" or "12:30"; negative durations print as "0:00".
std::string format_clock(std::chrono::milliseconds d);

}  // namespace proctor::session
