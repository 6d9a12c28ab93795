#include "session/duration.hpp"

#include <cctype>
#include <cstdio>

#include "proctor/runner/error.hpp"

namespace proctor::session {

std::chrono::seconds parse_duration(const std::string& text) {
  auto bad = [&](const std::string& why) { return runner::UserError("bad duration '" + text + "': " + why); };
  if (text.empty()) throw bad("empty");
  long long total = 0;
  std::size_t i = 0;
  std::string seen;  // units already used, so "10m5m" is refused rather than silently summed
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])))
      throw bad("expected a number, e.g. 30m, 1h30m, 90s");
    long long value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      if (value > 1'000'000) throw bad("too long");
      ++i;
    }
    if (i == text.size()) throw bad("missing unit (s, m or h), e.g. " + std::to_string(value) + "m");
    char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    long long scale = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 0;
    if (scale == 0) throw bad(std::string("unknown unit '") + text[i] + "' (use s, m or h)");
    if (seen.find(unit) != std::string::npos) throw bad(std::string("unit '") + unit + "' given twice");
    seen += unit;
    total += value * scale;
    ++i;
  }
  if (total < 1) throw bad("must be at least 1s");
  if (total > 24 * 3600) throw bad("must be at most 24h");
  return std::chrono::seconds(total);
}

std::string format_duration(std::chrono::milliseconds d) {
  long long s = d.count() <= 0 ? 0 : d.count() / 1000;
  long long h = s / 3600, m = s / 60 % 60, sec = s % 60;
  char buf[64];
  if (h > 0) {
    std::snprintf(buf, sizeof buf, "%lldh %02lldm", h, m);
  } else if (m > 0) {
    std::snprintf(buf, sizeof buf, "%lldm %02llds", m, sec);
  } else {
    std::snprintf(buf, sizeof buf, "%llds", sec);
  }
  return buf;
}

std::string format_clock(std::chrono::milliseconds d) {
  // Rounds up: the countdown shows 0:00 only once the time is really over.
  long long s = d.count() <= 0 ? 0 : (d.count() + 999) / 1000;
  long long h = s / 3600, m = s / 60 % 60, sec = s % 60;
  char buf[64];
  if (h > 0) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", h, m, sec);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", m, sec);
  }
  return buf;
}

}  // namespace proctor::session
