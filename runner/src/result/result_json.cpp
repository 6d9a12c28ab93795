#include "proctor/runner/result_json.hpp"

#include "proctor/runner/error.hpp"
#include "result/json_fields.hpp"
#include "result/signals_json.hpp"
#include "text/utf8.hpp"
#include "time/rfc3339.hpp"

namespace proctor::runner {
namespace {

using nlohmann::json;
using namespace json_fields;

json warning_json(const CompileWarning& w) {
  json j = {{"line", w.line},
            {"column", w.column},
            {"message", text(w.message)},
            {"option", optional_text(w.option)}};
  if (!w.file.empty()) j["file"] = text(w.file);
  return j;
}

json excerpt_json(const Excerpt& e) {
  return {{"text", text(e.text)}, {"bytes", e.bytes}, {"truncated", e.truncated}};
}

json layers_json(const sandbox::Layers& layers) {
  json j = sandbox::to_json(layers);
  for (auto& [key, value] : j.items()) {
    if (value.is_string()) value = text(value.get_ref<const std::string&>());
  }
  if (j.contains("namespaces")) {
    for (auto& n : j["namespaces"]) n = text(n.get_ref<const std::string&>());
  }
  return j;
}

std::optional<Excerpt> get_optional_excerpt(const json& j, const std::string& where, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  const std::string w = path_of(where, key);
  const json& e = j[key];
  return Excerpt{get_string(e, w, "text"), get_u64(e, w, "bytes"), get_bool(e, w, "truncated")};
}

// "<name>_us" when the result has it, else "<name>_ms" alone (a result written before microseconds
// were recorded). When both are there they must agree: time_ms is time_us floored.
Elapsed elapsed_from(const json& t, const std::string& where, const std::string& name) {
  const std::string ms_key = name + "_ms", us_key = name + "_us";
  const std::uint64_t ms = get_u64(t, where, ms_key.c_str());
  if (!t.contains(us_key)) return Elapsed::from_floored_ms(ms);
  const std::uint64_t us = get_u64(t, where, us_key.c_str());
  if (sandbox::whole_ms(us) != ms) bad(path_of(where, ms_key.c_str()), "is not " + us_key + " / 1000");
  return Elapsed::from_us(us);
}

void put_elapsed(json& j, const std::string& name, const Elapsed& e) {
  j[name + "_ms"] = e.ms();
  if (e.us()) j[name + "_us"] = *e.us();
}

TestResult test_from(const json& t, const std::string& where) {
  TestResult r;
  r.name = get_string(t, where, "name");
  r.group = get_string(t, where, "group");
  const std::string visibility = get_string(t, where, "visibility");
  if (visibility != "sample" && visibility != "secret")
    bad(where + ".visibility", "expected sample or secret");
  r.visibility = visibility == "sample" ? Visibility::sample : Visibility::secret;
  r.verdict = get_verdict(t, where, "verdict");
  r.time = elapsed_from(t, where, "time");
  r.wall = elapsed_from(t, where, "wall");
  r.memory_kb = get_u64(t, where, "memory_kb");
  r.exit_code = get_optional_int(t, where, "exit_code");
  r.signal = get_optional_int(t, where, "signal");
  r.violation = get_optional_string(t, where, "violation");
  r.message = get_string(t, where, "message");
  r.description = get_optional_string(t, where, "description").value_or("");
  if (r.visibility == Visibility::sample) {
    r.diff = get_optional_string(t, where, "diff");
    r.input = get_optional_excerpt(t, where, "input");
    r.stdout_excerpt = get_optional_excerpt(t, where, "stdout");
    r.stderr_excerpt = get_optional_excerpt(t, where, "stderr");
  }
  return r;
}

CompileResult compile_from(const json& c) {
  const std::string where = "compile";
  CompileResult r;
  const std::string status = get_string(c, where, "status");
  auto parsed = compile_status_from_string(status);
  if (!parsed) bad("compile.status", "unknown status '" + status + "'");
  r.status = *parsed;
  r.duration_ms = get_u64(c, where, "duration_ms");
  const json& command = get_array(c, where, "command");
  for (std::size_t i = 0; i < command.size(); ++i) {
    if (!command[i].is_string()) bad(item(where, "command", i), "expected a string");
    r.command.push_back(command[i].get<std::string>());
  }
  r.output = get_string(c, where, "output");
  const json& warnings = get_array(c, where, "warnings");
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const std::string w = item(where, "warnings", i);
    CompileWarning cw;
    cw.file = get_optional_string(warnings[i], w, "file").value_or("");
    cw.line = static_cast<int>(get_u64(warnings[i], w, "line"));
    cw.column = static_cast<int>(get_u64(warnings[i], w, "column"));
    cw.message = get_string(warnings[i], w, "message");
    cw.option = get_optional_string(warnings[i], w, "option");
    r.warnings.push_back(std::move(cw));
  }
  return r;
}

sandbox::Layers layers_from(const json& s) {
  const std::string where = "sandbox";
  sandbox::Layers l;
  l.seccomp = get_bool(s, where, "seccomp");
  l.landlock_abi = static_cast<int>(get_u64(s, where, "landlock_abi"));
  const json& ns = get_array(s, where, "namespaces");
  for (std::size_t i = 0; i < ns.size(); ++i) {
    if (!ns[i].is_string()) bad(item(where, "namespaces", i), "expected a string");
    l.namespaces.push_back(ns[i].get<std::string>());
  }
  l.cgroup = get_string(s, where, "cgroup");
  l.memory_limit = get_string(s, where, "memory_limit");
  // Absent from results written before it existed.
  l.memory_peak = get_optional_string(s, where, "memory_peak").value_or("none");
  l.process_limit = get_string(s, where, "process_limit");
  l.privileges_dropped = get_bool(s, where, "privileges_dropped");
  l.insecure = get_bool(s, where, "insecure");
  return l;
}

template <class... F>
struct event_visitor : F... {
  using F::operator()...;
};
template <class... F>
event_visitor(F...) -> event_visitor<F...>;

SessionRecord session_from(const json& s) {
  const std::string where = "session";
  SessionRecord r;
  r.id = get_string(s, where, "id");
  r.candidate = get_string(s, where, "candidate");
  r.started_at = get_time(s, where, "started_at");
  r.deadline = get_time(s, where, "deadline");
  if (s.contains("finished_at") && !s["finished_at"].is_null())
    r.finished_at = get_time(s, where, "finished_at");
  r.finished_by = get_optional_string(s, where, "finished_by").value_or("");
  if (s.contains("package_changed")) r.package_changed = get_bool(s, where, "package_changed");
  const json& timeline = get_array(s, where, "timeline");
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const std::string w = item(where, "timeline", i);
    const json& e = timeline[i];
    TimelineEntry entry;
    entry.n = static_cast<int>(get_u64(e, w, "n"));
    entry.submitted_at = get_time(e, w, "submitted_at");
    entry.sha256 = get_string(e, w, "sha256");
    entry.late = get_bool(e, w, "late");
    entry.sample_passed = get_optional_int(e, w, "sample_passed");
    entry.sample_total = get_optional_int(e, w, "sample_total");
    if (e.contains("verdict") && !e["verdict"].is_null()) entry.verdict = get_verdict(e, w, "verdict");
    r.timeline.push_back(std::move(entry));
  }
  if (s.contains("events")) {
    const json& events = get_array(s, where, "events");
    for (std::size_t i = 0; i < events.size(); ++i)
      r.events.push_back(event_from_json(events[i], item(where, "events", i)));
  }
  return r;
}

}  // namespace

json to_json(const TestResult& t) {
  const bool sample = t.visibility == Visibility::sample;
  json j = {{"name", text(t.name)},
            {"group", text(t.group)},
            {"visibility", sample ? "sample" : "secret"},
            {"verdict", to_string(t.verdict)},
            {"memory_kb", t.memory_kb},
            {"exit_code", optional_int(t.exit_code)},
            {"signal", optional_int(t.signal)},
            {"violation", optional_text(t.violation)},
            {"message", text(t.message)}};
  put_elapsed(j, "time", t.time);
  put_elapsed(j, "wall", t.wall);
  if (!t.description.empty()) j["description"] = text(t.description);
  // A secret test never carries its data, whatever the caller filled in.
  if (sample && t.diff) j["diff"] = text(*t.diff);
  if (sample && t.input) j["input"] = excerpt_json(*t.input);
  if (sample && t.stdout_excerpt) j["stdout"] = excerpt_json(*t.stdout_excerpt);
  if (sample && t.stderr_excerpt) j["stderr"] = excerpt_json(*t.stderr_excerpt);
  return j;
}

json to_json(const CompileResult& c) {
  json command = json::array();
  for (const std::string& a : c.command) command.push_back(text(a));
  json warnings = json::array();
  for (const CompileWarning& w : c.warnings) warnings.push_back(warning_json(w));
  return {{"status", to_string(c.status)},
          {"duration_ms", c.duration_ms},
          {"command", command},
          {"output", text(c.output)},
          {"warnings", warnings}};
}

json to_json(const Score& s) {
  return {{"passed", s.passed}, {"total", s.total}, {"points", s.points}, {"max_points", s.max_points}};
}

json to_json(const TimelineEntry& e) {
  json j{{"n", e.n},
         {"submitted_at", time::to_iso(e.submitted_at)},
         {"sha256", text(e.sha256)},
         {"late", e.late}};
  // Absent rather than null when the samples were not graded (late, interrupted, failed): the schema
  // types them as integers, and "absent" reads as "no result" to every consumer.
  if (e.sample_passed) j["sample_passed"] = *e.sample_passed;
  if (e.sample_total) j["sample_total"] = *e.sample_total;
  if (e.verdict) j["verdict"] = to_string(*e.verdict);
  return j;
}

std::string_view event_type(const SessionEvent& e) {
  return std::visit(event_visitor{[](const TimeExtended&) { return std::string_view("extend"); },
                                  [](const NoteAdded&) { return std::string_view("note"); },
                                  [](const Graded&) { return std::string_view("grade"); }},
                    e.what);
}

json to_json(const SessionEvent& e) {
  json j{{"type", event_type(e)}, {"at", time::to_iso(e.at)}, {"by", text(e.by)}};
  std::visit(event_visitor{[&](const TimeExtended& x) {
                             j["seconds"] = x.amount.count() / 1000;
                             j["old_deadline"] = time::to_iso(x.old_deadline);
                             j["new_deadline"] = time::to_iso(x.new_deadline);
                           },
                           [&](const NoteAdded& x) { j["text"] = text(x.text); },
                           [&](const Graded& x) {
                             j["submission"] = x.submission ? json(*x.submission) : json(nullptr);
                             j["chosen"] = x.chosen;
                             j["regrade"] = x.regrade;
                             j["verdict"] = to_string(x.verdict);
                             j["score"] = to_json(x.score);
                             json warnings = json::array();
                             for (const std::string& w : x.warnings) warnings.push_back(text(w));
                             j["warnings"] = warnings;
                           }},
             e.what);
  return j;
}

SessionEvent event_from_json(const json& j, const std::string& where) {
  SessionEvent e;
  const std::string type = get_string(j, where, "type");
  e.at = get_time(j, where, "at");
  e.by = get_string(j, where, "by");
  if (type == "extend") {
    TimeExtended x;
    x.amount = std::chrono::seconds(get_u64(j, where, "seconds"));
    x.old_deadline = get_time(j, where, "old_deadline");
    x.new_deadline = get_time(j, where, "new_deadline");
    e.what = x;
  } else if (type == "note") {
    e.what = NoteAdded{get_string(j, where, "text")};
  } else if (type == "grade") {
    Graded x;
    x.submission = get_optional_int(j, where, "submission");
    x.chosen = get_bool(j, where, "chosen");
    x.regrade = get_bool(j, where, "regrade");
    x.verdict = get_verdict(j, where, "verdict");
    x.score = score_from_json(at(j, where, "score"));
    const json& warnings = get_array(j, where, "warnings");
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      if (!warnings[i].is_string()) bad(item(where, "warnings", i), "expected a string");
      x.warnings.push_back(warnings[i].get<std::string>());
    }
    e.what = x;
  } else {
    bad(path_of(where, "type"), "unknown event type '" + type + "'");
  }
  return e;
}

json to_json(const SessionRecord& s) {
  json timeline = json::array();
  for (const TimelineEntry& e : s.timeline) timeline.push_back(to_json(e));
  json events = json::array();
  for (const SessionEvent& e : s.events) events.push_back(to_json(e));
  return {{"id", text(s.id)},
          {"candidate", text(s.candidate)},
          {"started_at", time::to_iso(s.started_at)},
          {"deadline", time::to_iso(s.deadline)},
          {"finished_at", s.finished_at ? json(time::to_iso(*s.finished_at)) : json(nullptr)},
          {"finished_by", s.finished_by.empty() ? json(nullptr) : text(s.finished_by)},
          {"package_changed", s.package_changed},
          {"timeline", timeline},
          {"events", events}};
}

json to_json(const GradeResult& r) {
  json tests = json::array();
  for (const TestResult& t : r.tests) tests.push_back(to_json(t));
  json doc = {
      {"schema", kResultSchema},
      {"verdict", to_string(r.verdict)},
      {"score", to_json(r.score)},
      {"exercise",
       {{"id", text(r.exercise.id)},
        {"title", text(r.exercise.title)},
        {"path", text(r.exercise.path)},
        {"sha256", text(r.exercise.sha256)}}},
      {"submission",
       {{"path", text(r.submission.path)},
        {"sha256", text(r.submission.sha256)},
        {"bytes", r.submission.bytes}}},
      {"compile", to_json(r.compile)},
      {"tests", tests},
      {"limits",
       {{"time_ms", r.limits.time_ms},
        {"wall_ms", r.limits.wall_ms},
        {"memory_mb", r.limits.memory_mb},
        {"output_kb", r.limits.output_kb}}},
      {"sandbox", layers_json(r.layers)},
      {"runner", {{"version", text(r.runner.version)}, {"compiler", text(r.runner.compiler)}}},
      {"started_at", time::to_iso(r.started_at)},
      {"finished_at", time::to_iso(r.finished_at)},
  };
  if (r.error) doc["error"] = text(*r.error);
  if (r.session) doc["session"] = to_json(*r.session);
  if (r.signals) doc["signals"] = signals_to_json(*r.signals);
  return doc;
}

json to_json(const CustomRunResult& r) {
  json doc = {{"schema", "proctor-run/1"},
              {"compile", to_json(r.compile)},
              {"ran", r.ran},
              {"status", r.ran ? json(sandbox::to_string(r.status)) : json(nullptr)},
              {"message", text(r.message)},
              {"memory_kb", r.memory_kb},
              {"exit_code", optional_int(r.exit_code)},
              {"signal", optional_int(r.signal)},
              {"violation", optional_text(r.violation)},
              {"stdout", excerpt_json(r.stdout_excerpt)},
              {"stderr", excerpt_json(r.stderr_excerpt)},
              {"input_bytes", r.input_bytes},
              {"limits",
               {{"time_ms", r.limits.time_ms},
                {"wall_ms", r.limits.wall_ms},
                {"memory_mb", r.limits.memory_mb},
                {"output_kb", r.limits.output_kb}}},
              {"sandbox", layers_json(r.layers)},
              {"started_at", time::to_iso(r.started_at)},
              {"finished_at", time::to_iso(r.finished_at)}};
  put_elapsed(doc, "time", r.time);
  put_elapsed(doc, "wall", r.wall);
  if (r.error) doc["error"] = text(*r.error);
  return doc;
}

Score score_from_json(const json& s) {
  Score score;
  score.passed = get_u64(s, "score", "passed");
  score.total = get_u64(s, "score", "total");
  score.points = get_number(s, "score", "points");
  score.max_points = get_number(s, "score", "max_points");
  return score;
}

GradeResult result_from_json(const json& doc) {
  if (!doc.is_object()) bad("document", "expected a JSON object");
  const std::string schema = get_string(doc, "", "schema");
  if (schema != kResultSchema)
    bad("schema", "expected \"" + std::string(kResultSchema) + "\", got \"" + schema + "\"");
  GradeResult r;
  r.verdict = get_verdict(doc, "", "verdict");
  r.score = score_from_json(at(doc, "", "score"));
  const json& ex = at(doc, "", "exercise");
  r.exercise = {get_string(ex, "exercise", "id"), get_string(ex, "exercise", "title"),
                get_string(ex, "exercise", "path"), get_string(ex, "exercise", "sha256")};
  const json& sub = at(doc, "", "submission");
  r.submission = {get_string(sub, "submission", "path"), get_string(sub, "submission", "sha256"),
                  get_u64(sub, "submission", "bytes")};
  r.compile = compile_from(at(doc, "", "compile"));
  const json& tests = get_array(doc, "", "tests");
  for (std::size_t i = 0; i < tests.size(); ++i) r.tests.push_back(test_from(tests[i], item("", "tests", i)));
  const json& limits = at(doc, "", "limits");
  r.limits = {get_u64(limits, "limits", "time_ms"), get_u64(limits, "limits", "wall_ms"),
              get_u64(limits, "limits", "memory_mb"), get_u64(limits, "limits", "output_kb")};
  r.layers = layers_from(at(doc, "", "sandbox"));
  const json& runner = at(doc, "", "runner");
  r.runner = {get_string(runner, "runner", "version"), get_string(runner, "runner", "compiler")};
  r.started_at = get_time(doc, "", "started_at");
  r.finished_at = get_time(doc, "", "finished_at");
  r.error = get_optional_string(doc, "", "error");
  if (doc.contains("session")) r.session = session_from(doc["session"]);
  if (doc.contains("signals")) r.signals = signals_from_json(doc["signals"]);
  return r;
}

}  // namespace proctor::runner
