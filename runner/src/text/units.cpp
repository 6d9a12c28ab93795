#include "text/units.hpp"

#include <cstdio>

namespace proctor::text {

std::string format_memory_kb(std::uint64_t kb) {
  char buf[48];
  if (kb < 1024) {
    std::snprintf(buf, sizeof buf, "%llu KiB", static_cast<unsigned long long>(kb));
  } else if (kb % 1024 == 0) {
    std::snprintf(buf, sizeof buf, "%llu MiB", static_cast<unsigned long long>(kb / 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(kb) / 1024.0);
  }
  return buf;
}

std::string format_time_ms(std::uint64_t ms) {
  char buf[48];
  if (ms < 10000) {
    std::snprintf(buf, sizeof buf, "%llu ms", static_cast<unsigned long long>(ms));
  } else {
    std::snprintf(buf, sizeof buf, "%llu.%llu s", static_cast<unsigned long long>(ms / 1000),
                  static_cast<unsigned long long>(ms % 1000 / 100));
  }
  return buf;
}

std::string format_time_us(std::uint64_t us) {
  // Integer arithmetic: every digit shown is a floored digit of the measurement.
  char buf[48];
  const auto ms = static_cast<unsigned long long>(us / 1000);
  if (us < 1000) {
    std::snprintf(buf, sizeof buf, "0.%02llu ms", static_cast<unsigned long long>(us / 10));
  } else if (us < 10'000) {
    std::snprintf(buf, sizeof buf, "%llu.%llu ms", ms, static_cast<unsigned long long>(us % 1000 / 100));
  } else {
    return format_time_ms(ms);
  }
  return buf;
}

std::string format_floored_ms(std::uint64_t ms) {
  return ms == 0 ? "<1 ms" : format_time_ms(ms);
}

}  // namespace proctor::text
