#include "session/feedback.hpp"

#include <sstream>

#include "proctor/runner/result_json.hpp"
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

std::string colored_verdict(std::optional<runner::Verdict> verdict, bool color) {
  const std::string v = verdict ? std::string(runner::to_string(*verdict)) : "-";
  if (!color) return v;
  return (verdict == runner::Verdict::AC ? "\033[1;32m" : "\033[1;31m") + v + "\033[0m";
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
  if (o.result) {
    const runner::CompileResult& compile = o.result->compile;
    if (compile.status != runner::CompileStatus::OK) {
      out << "Compilation failed (" << runner::to_string(compile.status) << "):\n";
      out << indent(compile.output, "  | ");
    } else {
      for (const runner::CompileWarning& w : compile.warnings) {
        out << "  warning at line " << w.line << ": " << clean_text(w.message);
        if (w.option) out << " [" << clean_text(*w.option) << "]";
        out << "\n";
      }
    }
  }
  out << "Samples: " << e.sample_passed.value_or(0) << "/" << e.sample_total.value_or(0)
      << " passed, verdict " << colored_verdict(e.verdict, color) << "\n";
  // After a compilation error every test is "skipped"; listing them adds nothing.
  if (e.verdict != runner::Verdict::CE && o.result) {
    for (const runner::TestResult& t : o.result->tests) {
      out << "  " << clean_text(t.name) << "  " << colored_verdict(t.verdict, color) << "  "
          << report::format_time(t.verdict == runner::Verdict::skipped ? std::nullopt
                                                                       : std::optional(t.time));
      if (!t.message.empty()) out << "  " << clean_text(t.message);
      out << "\n";
      if (t.verdict != runner::Verdict::AC && t.diff) out << indent(*t.diff, "      ");
    }
  }
  return out.str();
}

json submit_json(const SubmitOutcome& o) {
  json j = runner::to_json(timeline_entry(o.entry));
  j["id"] = o.session.id;
  j["bytes"] = o.entry.bytes;
  j["refused"] = o.refused;
  j["remaining_ms"] = std::max<long long>(0, (o.session.deadline - o.entry.submitted_at).count());
  if (o.refused) j["message"] = o.refusal;
  if (o.result) {
    j["compile"] = runner::to_json(o.result->compile);
    json tests = json::array();
    for (const runner::TestResult& t : o.result->tests) tests.push_back(runner::to_json(t));
    j["tests"] = tests;
  }
  return j;
}

}  // namespace proctor::session
