#pragma once
// The one home of how measurements read: memory in KiB below 1 MiB (a small program never reads
// "0 MiB"), MiB above; times in ms, seconds from 10 s.
#include <cstdint>
#include <string>

namespace proctor::text {

// "812 KiB", "1.5 MiB", "256 MiB".
std::string format_memory_kb(std::uint64_t kb);

// "999 ms", "12.3 s".
std::string format_time_ms(std::uint64_t ms);

}  // namespace proctor::text
