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
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
  }
  return buf;
}

}  // namespace proctor::text
