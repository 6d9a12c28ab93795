#pragma once
// A wall-clock instant as results and sessions record it: UTC, millisecond precision.
#include <chrono>

namespace proctor {

using Clock = std::chrono::system_clock;
using Instant = std::chrono::time_point<Clock, std::chrono::milliseconds>;

// Now, at the precision results record. (Sessions read time through their injectable clock instead.)
inline Instant now_ms() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now());
}

}  // namespace proctor
