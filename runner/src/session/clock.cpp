#include "session/clock.hpp"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

#include "proctor/runner/error.hpp"

namespace proctor::session {

Instant now() {
  // Test hook (docs/sessions.md, "Testing"): PROCTOR_CLOCK_FILE names a file holding the current instant
  // as to_iso writes it, so tests move time by writing the file instead of sleeping. Read on every call.
  if (const char* file = std::getenv("PROCTOR_CLOCK_FILE"); file != nullptr && *file != '\0') {
    std::ifstream in(file, std::ios::binary);
    std::string text;
    if (!in || !std::getline(in, text))
      throw runner::UserError(file, "PROCTOR_CLOCK_FILE: cannot read the instant");
    try {
      return from_iso(text);
    } catch (const runner::UserError& e) {
      throw runner::UserError(file, std::string("PROCTOR_CLOCK_FILE: ") + e.what());
    }
  }
  return now_ms();
}

namespace {
std::string local_format(Instant t, const char* format) {
  std::time_t tt = Clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}
}  // namespace

std::string local_time_of_day(Instant t) {
  return local_format(t, "%H:%M:%S %Z");
}

std::string local_date_time(Instant t) {
  return local_format(t, "%Y-%m-%d %H:%M %Z");
}

}  // namespace proctor::session
