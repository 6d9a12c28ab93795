// The "signals" block of a result: one writer and one reader per kind of signal. A kind absent from
// the document was not collected.
#include "result/signals_json.hpp"

#include "result/complexity_json.hpp"
#include "result/json_fields.hpp"

namespace proctor::runner {
namespace {

using nlohmann::json;
using namespace json_fields;

json location_json(const SourceLocation& l) {
  return {{"origin", to_string(l.origin)},
          {"file", text(l.file)},
          {"line", l.line},
          {"column", l.column},
          {"function", text(l.function)}};
}

SourceLocation location_from(const json& j, const std::string& where) {
  SourceLocation l;
  const std::string origin = get_string(j, where, "origin");
  auto parsed = code_origin_from_string(origin);
  if (!parsed) bad(where + ".origin", "unknown origin '" + origin + "'");
  l.origin = *parsed;
  l.file = get_string(j, where, "file");
  l.line = static_cast<int>(get_u64(j, where, "line"));
  l.column = static_cast<int>(get_u64(j, where, "column"));
  l.function = get_string(j, where, "function");
  return l;
}

json sanitizer_json(const SanitizerSignal& s) {
  json findings = json::array();
  for (const SanitizerFinding& f : s.findings) {
    json stack = json::array();
    for (const SourceLocation& frame : f.stack) stack.push_back(location_json(frame));
    findings.push_back({{"tool", text(f.tool)},
                        {"kind", text(f.kind)},
                        {"message", text(f.message)},
                        {"location", f.location ? location_json(*f.location) : json(nullptr)},
                        {"stack", stack},
                        {"first_test", text(f.first_test)},
                        {"tests", f.tests}});
  }
  return {{"status", to_string(s.status)}, {"note", text(s.note)},         {"duration_ms", s.duration_ms},
          {"tests_run", s.tests_run},      {"tests_total", s.tests_total}, {"findings", findings},
          {"silenced", s.silenced}};
}

SanitizerSignal sanitizer_from(const json& j) {
  const std::string where = "signals.sanitizer";
  SanitizerSignal s;
  s.status = get_signal_status(j, where, "status");
  s.note = get_string(j, where, "note");
  s.duration_ms = get_u64(j, where, "duration_ms");
  s.tests_run = get_u64(j, where, "tests_run");
  s.tests_total = get_u64(j, where, "tests_total");
  s.silenced = get_u64(j, where, "silenced");
  const json& findings = get_array(j, where, "findings");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string w = item(where, "findings", i);
    const json& f = findings[i];
    SanitizerFinding finding;
    finding.tool = get_string(f, w, "tool");
    finding.kind = get_string(f, w, "kind");
    finding.message = get_string(f, w, "message");
    if (f.contains("location") && !f["location"].is_null())
      finding.location = location_from(f["location"], w + ".location");
    const json& stack = get_array(f, w, "stack");
    for (std::size_t k = 0; k < stack.size(); ++k)
      finding.stack.push_back(location_from(stack[k], item(w, "stack", k)));
    finding.first_test = get_string(f, w, "first_test");
    finding.tests = get_u64(f, w, "tests");
    s.findings.push_back(std::move(finding));
  }
  return s;
}

json analysis_json(const StaticSignal& s) {
  json findings = json::array();
  for (const AnalyzerFinding& f : s.findings) {
    findings.push_back(
        {{"kind", text(f.kind)}, {"location", location_json(f.location)}, {"message", text(f.message)}});
  }
  json warnings = json::array();
  for (const WarningGroup& g : s.warnings) {
    warnings.push_back({{"option", text(g.option)}, {"count", g.count}, {"lines", g.lines}});
  }
  return {{"status", to_string(s.status)}, {"note", text(s.note)}, {"duration_ms", s.duration_ms},
          {"findings", findings},          {"warnings", warnings}, {"silenced", s.silenced}};
}

StaticSignal analysis_from(const json& j) {
  const std::string where = "signals.analysis";
  StaticSignal s;
  s.status = get_signal_status(j, where, "status");
  s.note = get_string(j, where, "note");
  s.duration_ms = get_u64(j, where, "duration_ms");
  s.silenced = get_u64(j, where, "silenced");
  const json& findings = get_array(j, where, "findings");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string w = item(where, "findings", i);
    AnalyzerFinding f;
    f.kind = get_string(findings[i], w, "kind");
    f.location = location_from(at(findings[i], w, "location"), w + ".location");
    f.message = get_string(findings[i], w, "message");
    s.findings.push_back(std::move(f));
  }
  const json& warnings = get_array(j, where, "warnings");
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const std::string w = item(where, "warnings", i);
    WarningGroup g;
    g.option = get_string(warnings[i], w, "option");
    g.count = get_u64(warnings[i], w, "count");
    const json& lines = get_array(warnings[i], w, "lines");
    for (std::size_t k = 0; k < lines.size(); ++k) {
      // Written from an int: a signed JSON integer, read back whatever its sign bit says.
      if (!lines[k].is_number_integer() || lines[k].get<long long>() < 0)
        bad(item(w, "lines", k), "expected a non-negative integer");
      g.lines.push_back(lines[k].get<int>());
    }
    s.warnings.push_back(std::move(g));
  }
  return s;
}

}  // namespace

json signals_to_json(const Signals& signals) {
  json j = json::object();
  if (signals.sanitizer) j["sanitizer"] = sanitizer_json(*signals.sanitizer);
  if (signals.analysis) j["analysis"] = analysis_json(*signals.analysis);
  if (signals.complexity) j["complexity"] = to_json(*signals.complexity);
  return j;
}

Signals signals_from_json(const json& j) {
  if (!j.is_object()) bad("signals", "expected an object");
  Signals signals;
  if (j.contains("sanitizer")) signals.sanitizer = sanitizer_from(j["sanitizer"]);
  if (j.contains("analysis")) signals.analysis = analysis_from(j["analysis"]);
  if (j.contains("complexity"))
    signals.complexity = complexity_from_json(j["complexity"], "signals.complexity");
  return signals;
}

}  // namespace proctor::runner
