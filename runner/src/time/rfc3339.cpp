#include "time/rfc3339.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

#include "proctor/runner/error.hpp"

namespace proctor::time {
namespace {

[[noreturn]] void bad(const std::string& text) {
  throw runner::UserError("bad timestamp '" + text + "'");
}

// Exactly `n` digits at text[pos], advancing pos.
int digits(const std::string& text, std::size_t& pos, int n) {
  int value = 0;
  for (int k = 0; k < n; ++k, ++pos) {
    if (pos >= text.size() || !std::isdigit(static_cast<unsigned char>(text[pos]))) bad(text);
    value = value * 10 + (text[pos] - '0');
  }
  return value;
}

void expect(const std::string& text, std::size_t& pos, const char* any_of) {
  if (pos >= text.size()) bad(text);
  for (const char* c = any_of; *c; ++c) {
    if (text[pos] == *c) {
      ++pos;
      return;
    }
  }
  bad(text);
}

}  // namespace

std::string to_iso(Instant t) {
  const long long ms = t.time_since_epoch().count();
  // Floor division so instants before 1970 still print correctly.
  const long long secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  const int millis = static_cast<int>(ms - secs * 1000);
  const std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

Instant from_iso(const std::string& text) {
  std::size_t pos = 0;
  std::tm tm{};
  tm.tm_year = digits(text, pos, 4) - 1900;
  expect(text, pos, "-");
  tm.tm_mon = digits(text, pos, 2) - 1;
  expect(text, pos, "-");
  tm.tm_mday = digits(text, pos, 2);
  expect(text, pos, "Tt");
  tm.tm_hour = digits(text, pos, 2);
  expect(text, pos, ":");
  tm.tm_min = digits(text, pos, 2);
  expect(text, pos, ":");
  tm.tm_sec = digits(text, pos, 2);
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60) {
    bad(text);
  }
  long long millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int scale = 100, count = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      millis += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
      ++count;
    }
    if (count == 0) bad(text);
  }
  long long offset_s = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    const int hours = digits(text, pos, 2);
    expect(text, pos, ":");
    const int minutes = digits(text, pos, 2);
    if (hours > 23 || minutes > 59) bad(text);
    offset_s = sign * (hours * 3600LL + minutes * 60LL);
  } else {
    bad(text);
  }
  if (pos != text.size()) bad(text);
  const long long secs = static_cast<long long>(timegm(&tm)) - offset_s;
  return Instant(std::chrono::milliseconds(secs * 1000 + millis));
}

}  // namespace proctor::time
