#include "session/feedback.hpp"

#include <sstream>

#include "report/escape.hpp"
#include "report/model.hpp"
#include "session/duration.hpp"
#include "session/timeline.hpp"

namespace proctor::session {
namespace {

using nlohmann::json;
using report::clean_text;

std::string indent(const std::string& text, const std::string& prefix) {
  std::istringstream in(clean_text(text));
  std::string out;
  for (std::string line; std::getline(in, line);) out += prefix + line + "\n";
  return out;
}

}  // namespace

std::string colored_verdict(const std::string& verdict, bool color) {
  std::string v = clean_text(verdict);
  if (!color) return v;
  return (verdict == "AC" ? "\033[1;32m" : "\033[1;31m") + v + "\033[0m";
}

std::string submit_text(const SubmitOutcome& o, bool color) {
  std::ostringstream out;
  const Submission& e = o.entry;
  out << "Submission " << e.n << " received at " << local_time_of_day(e.submitted_at) << " (" << e.bytes
      << " bytes, sha256 " << e.sha256.substr(0, 12) << ")";
  if (o.refused) {
    out << ": refused, " << o.refusal << "\n";
    return out.str();
  }
  out << ", " << format_duration(o.session.deadline - e.submitted_at) << " left\n";
  const json& r = o.result;
  const json& compile = r.contains("compile") ? r["compile"] : json::object();
  if (compile.is_object() && compile.value("status", "OK") != "OK") {
    out << "Compilation failed (" << clean_text(compile.value("status", "")) << "):\n";
    out << indent(compile.value("output", ""), "  | ");
  } else if (compile.is_object() && compile.contains("warnings") && compile["warnings"].is_array()) {
    for (const json& w : compile["warnings"]) {
      out << "  warning at line " << w.value("line", 0) << ": " << clean_text(w.value("message", ""));
      if (w.contains("option") && w["option"].is_string())
        out << " [" << clean_text(w["option"].get<std::string>()) << "]";
      out << "\n";
    }
  }
  out << "Samples: " << e.sample_passed.value_or(0) << "/" << e.sample_total.value_or(0)
      << " passed, verdict " << colored_verdict(e.verdict.value_or("-"), color) << "\n";
  // After a compilation error every test is "skipped"; listing them adds nothing.
  if (e.verdict != "CE" && r.contains("tests") && r["tests"].is_array()) {
    for (const json& t : r["tests"]) {
      std::string verdict = t.value("verdict", "");
      out << "  " << clean_text(t.value("name", "")) << "  " << colored_verdict(verdict, color) << "  "
          << report::format_ms(t.contains("time_ms") && t["time_ms"].is_number_unsigned()
                                   ? std::optional<std::uint64_t>(t["time_ms"].get<std::uint64_t>())
                                   : std::nullopt);
      if (t.contains("message") && t["message"].is_string() && !t["message"].get<std::string>().empty()) {
        out << "  " << clean_text(t["message"].get<std::string>());
      }
      out << "\n";
      if (verdict != "AC" && t.contains("diff") && t["diff"].is_string())
        out << indent(t["diff"].get<std::string>(), "      ");
    }
  }
  return out.str();
}

json submit_json(const SubmitOutcome& o) {
  json j = timeline_entry(o.entry);
  j["id"] = o.session.id;
  j["bytes"] = o.entry.bytes;
  j["refused"] = o.refused;
  j["remaining_ms"] = std::max<long long>(0, (o.session.deadline - o.entry.submitted_at).count());
  if (o.refused) j["message"] = o.refusal;
  if (o.result.is_object()) {
    if (o.result.contains("compile")) j["compile"] = o.result["compile"];
    if (o.result.contains("tests")) j["tests"] = o.result["tests"];
  }
  return j;
}

}  // namespace proctor::session
