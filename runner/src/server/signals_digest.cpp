#include "server/signals_digest.hpp"

#include "report/signals.hpp"

namespace proctor::server {
namespace {

using nlohmann::json;

// The live view lists a few; the report has them all.
constexpr std::size_t kItems = 3;

json entry(const char* kind, const char* title, std::string summary, json items, bool notable) {
  return json{{"kind", kind},
              {"title", title},
              {"summary", std::move(summary)},
              {"items", std::move(items)},
              {"notable", notable}};
}

}  // namespace

json signals_digest(const runner::Signals& signals) {
  json out = json::array();
  if (const auto& s = signals.sanitizer) {
    json items = json::array();
    for (std::size_t i = 0; i < s->findings.size() && i < kItems; ++i) {
      const runner::SanitizerFinding& f = s->findings[i];
      items.push_back(f.kind + (f.location ? " at " + report::location_text(*f.location) : std::string()));
    }
    out.push_back(entry("sanitizer", "Sanitizers (address, undefined)", report::sanitizer_summary(*s),
                        std::move(items), !s->findings.empty()));
  }
  if (const auto& a = signals.analysis) {
    json items = json::array();
    for (std::size_t i = 0; i < a->findings.size() && i < kItems; ++i) {
      const runner::AnalyzerFinding& f = a->findings[i];
      items.push_back(f.kind + " at " + report::location_text(f.location) + ": " + f.message);
    }
    out.push_back(entry("analysis", "Static analysis (gcc -fanalyzer)", report::analysis_summary(*a),
                        std::move(items), !a->findings.empty()));
  }
  if (const auto& c = signals.complexity) {
    std::string summary = c->status == runner::SignalStatus::ran ? c->sentence : c->note;
    if (summary.empty()) summary = runner::to_string(c->status);
    out.push_back(entry("complexity", "Complexity", std::move(summary), json::array(), c->grows_faster));
  }
  return out;
}

}  // namespace proctor::server
