#include "session/clock.hpp"

#include <cstdio>
#include <ctime>

#include "proctor/runner/error.hpp"

namespace proctor::session {

Instant now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now());
}

std::string to_iso(Instant t) {
  auto ms = t.time_since_epoch().count();
  // Floor division so instants before 1970 would still print correctly.
  long long secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  int millis = static_cast<int>(ms - secs * 1000);
  std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

Instant from_iso(const std::string& text) {
  std::tm tm{};
  int millis = 0;
  int consumed = 0;
  // Accepts what to_iso writes, and the same without milliseconds.
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    throw runner::UserError("bad timestamp '" + text + "'");
  }
  std::string rest = text.substr(static_cast<std::size_t>(consumed));
  if (rest.size() == 5 && rest[0] == '.' && rest[4] == 'Z') {
    int digits = 0;
    if (std::sscanf(rest.c_str(), ".%3d%n", &millis, &digits) != 1 || digits != 4) {
      throw runner::UserError("bad timestamp '" + text + "'");
    }
  } else if (rest != "Z") {
    throw runner::UserError("bad timestamp '" + text + "' (expected UTC, ending in Z)");
  }
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60) {
    throw runner::UserError("bad timestamp '" + text + "'");
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t secs = timegm(&tm);
  return Instant(std::chrono::milliseconds(static_cast<long long>(secs) * 1000 + millis));
}

std::string local_time_of_day(Instant t) {
  std::time_t tt = Clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

}  // namespace proctor::session
