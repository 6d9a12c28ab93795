// The signals' wording shared by every report format.
#include <numeric>

#include "report/model.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string status_suffix(runner::SignalStatus status, const std::string& note) {
  if (status == runner::SignalStatus::ran) return note.empty() ? "" : " (" + note + ")";
  return std::string(status == runner::SignalStatus::skipped ? "skipped" : "failed") +
         (note.empty() ? "" : ": " + note);
}

}  // namespace

std::string location_text(const runner::SourceLocation& l) {
  std::string s = l.file.empty() ? "?" : l.file;
  if (l.line > 0) s += ":" + std::to_string(l.line);
  if (l.line > 0 && l.column > 0) s += ":" + std::to_string(l.column);
  if (!l.function.empty()) s += " in " + l.function + "()";
  return s;
}

std::string sanitizer_summary(const runner::SanitizerSignal& s) {
  if (s.status != runner::SignalStatus::ran) return status_suffix(s.status, s.note);
  std::string out = plural(s.findings.size(), "finding", "findings") + " on " + std::to_string(s.tests_run) +
                    " of " + std::to_string(s.tests_total) + " tests, " + format_ms(s.duration_ms);
  if (s.silenced) out += ", " + std::to_string(s.silenced) + " silenced by the exercise";
  return out + status_suffix(s.status, s.note);
}

std::string analysis_summary(const runner::StaticSignal& s) {
  const std::size_t warnings =
      std::accumulate(s.warnings.begin(), s.warnings.end(), std::size_t{0},
                      [](std::size_t n, const runner::WarningGroup& g) { return n + g.count; });
  std::string out = plural(s.findings.size(), "analyzer finding", "analyzer findings") + ", " +
                    plural(warnings, "warning", "warnings");
  if (warnings) out += " of " + plural(s.warnings.size(), "kind", "kinds");
  if (s.silenced) out += ", " + std::to_string(s.silenced) + " silenced by the exercise";
  if (s.status == runner::SignalStatus::ran)
    return out + ", " + format_ms(s.duration_ms) + status_suffix(s.status, s.note);
  return out + "; analyzer " + status_suffix(s.status, s.note);
}

}  // namespace proctor::report
