#pragma once
// A wall-clock instant as results and sessions record it: UTC, millisecond precision.
#include <chrono>

namespace proctor {

using Clock = std::chrono::system_clock;
using Instant = std::chrono::time_point<Clock, std::chrono::milliseconds>;

}  // namespace proctor
