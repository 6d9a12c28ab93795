#pragma once
// The one home of how measurements read: memory in KiB below 1 MiB (a small program never reads
// "0 MiB"), MiB above; times in ms, with the fraction a measurement in microseconds gives below 10 ms
// (most tests run in well under a millisecond), seconds from 10 s. Figures are floored, never rounded
// up: "0.99 ms" is under a millisecond, as the result's time_ms (0) says.
#include <cstdint>
#include <string>

namespace proctor::text {

// "812 KiB", "1.5 MiB", "256 MiB".
std::string format_memory_kb(std::uint64_t kb);

// A limit or a duration in whole milliseconds: "999 ms", "12.3 s".
std::string format_time_ms(std::uint64_t ms);

// A measured time in microseconds: "0.42 ms" below 1 ms, "3.1 ms" below 10 ms, then as
// format_time_ms ("999 ms", "12.3 s").
std::string format_time_us(std::uint64_t us);

// A measured time known only in whole, floored milliseconds (a result written before times were
// recorded in microseconds): "<1 ms" for 0, which is all that is known, else as format_time_ms.
std::string format_floored_ms(std::uint64_t ms);

}  // namespace proctor::text
