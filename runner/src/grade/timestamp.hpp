#pragma once
#include <chrono>
#include <string>

namespace proctor::runner {

// RFC 3339 in UTC with milliseconds, e.g. "2026-11-27T23:40:00.123Z".
std::string rfc3339(std::chrono::system_clock::time_point when);

}  // namespace proctor::runner
