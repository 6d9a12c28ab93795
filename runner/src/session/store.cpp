// session.json <-> Session. Loading is strict: a file that does not parse, or lacks a field, is
// reported (naming the file) and never overwritten, so nothing is lost by a bad edit.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "session/session.hpp"

namespace proctor::session {
namespace {

using nlohmann::json;

constexpr std::uint64_t kMaxSessionFileBytes = 16 << 20;

json opt_int(const std::optional<int>& v) {
  return v ? json(*v) : json(nullptr);
}

json submission_json(const Submission& s) {
  return json{{"n", s.n},
              {"file", s.file},
              {"submitted_at", to_iso(s.submitted_at)},
              {"sha256", s.sha256},
              {"bytes", s.bytes},
              {"late", s.late},
              {"sample_passed", opt_int(s.sample_passed)},
              {"sample_total", opt_int(s.sample_total)},
              {"verdict", s.verdict ? json(runner::to_string(*s.verdict)) : json(nullptr)},
              {"error", s.error.empty() ? json(nullptr) : json(s.error)}};
}

runner::Verdict verdict_of(const std::string& text) {
  auto v = runner::verdict_from_string(text);
  if (!v) throw runner::UserError("unknown verdict '" + text + "'");
  return *v;
}

std::optional<int> get_opt_int(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<int>();
}

std::optional<std::string> get_opt_string(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<std::string>();
}

Submission submission_from(const json& j) {
  Submission s;
  s.n = j.at("n").get<int>();
  s.file = j.at("file").get<std::string>();
  s.submitted_at = from_iso(j.at("submitted_at").get<std::string>());
  s.sha256 = j.at("sha256").get<std::string>();
  s.bytes = j.at("bytes").get<std::uint64_t>();
  s.late = j.at("late").get<bool>();
  s.sample_passed = get_opt_int(j, "sample_passed");
  s.sample_total = get_opt_int(j, "sample_total");
  if (auto v = get_opt_string(j, "verdict")) s.verdict = verdict_of(*v);
  s.error = get_opt_string(j, "error").value_or("");
  // A stored file name is joined to the session directory later; refuse anything that could escape it.
  if (s.file.find("..") != std::string::npos || s.file.empty() || s.file[0] == '/') {
    throw runner::UserError("submission " + std::to_string(s.n) + " has a bad file name '" + s.file + "'");
  }
  return s;
}

Session session_from(const json& j) {
  if (j.value("format", "") != kSessionFormat) {
    throw runner::UserError(std::string("not a session file (expected \"format\": \"") + kSessionFormat +
                            "\")");
  }
  Session s;
  s.id = j.at("id").get<std::string>();
  s.candidate = j.at("candidate").get<std::string>();
  const json& ex = j.at("exercise");
  s.exercise_path = ex.at("path").get<std::string>();
  s.exercise_id = ex.at("id").get<std::string>();
  s.exercise_title = ex.at("title").get<std::string>();
  s.package_sha256 = ex.at("sha256").get<std::string>();
  s.started_at = from_iso(j.at("started_at").get<std::string>());
  s.deadline = from_iso(j.at("deadline").get<std::string>());
  std::string state = j.at("state").get<std::string>();
  if (state != "open" && state != "finished") throw runner::UserError("bad state '" + state + "'");
  s.finished = state == "finished";
  if (auto at = get_opt_string(j, "finished_at")) s.finished_at = from_iso(*at);
  s.finished_by = get_opt_string(j, "finished_by").value_or("");
  s.package_changed = j.value("package_changed", false);
  for (const json& sub : j.at("submissions")) s.submissions.push_back(submission_from(sub));
  // Sessions written before events existed have none.
  if (j.contains("events")) {
    const json& events = j.at("events");
    for (std::size_t i = 0; i < events.size(); ++i)
      s.events.push_back(runner::event_from_json(events[i], "events[" + std::to_string(i) + "]"));
  }
  if (j.contains("final") && j.at("final").is_object()) {
    s.final_verdict = verdict_of(j.at("final").at("verdict").get<std::string>());
    if (j.at("final").contains("score")) s.final_score = runner::score_from_json(j.at("final").at("score"));
  }
  return s;
}

}  // namespace

const Submission* Session::last_on_time() const {
  const Submission* best = nullptr;
  // Latest reception time wins; two concurrent submits may be stored in the other order.
  for (const Submission& s : submissions) {
    if (s.late) continue;
    if (!best || s.submitted_at > best->submitted_at ||
        (s.submitted_at == best->submitted_at && s.n > best->n)) {
      best = &s;
    }
  }
  return best;
}

const Submission* Session::find(int n) const {
  for (const Submission& s : submissions) {
    if (s.n == n) return &s;
  }
  return nullptr;
}

const Graded* Session::last_grading() const {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (const Graded* g = std::get_if<Graded>(&it->what)) return g;
  }
  return nullptr;
}

Instant Session::original_deadline() const {
  Instant d = deadline;
  for (const Event& e : events) {
    if (const TimeExtended* x = std::get_if<TimeExtended>(&e.what)) d -= x->amount;
  }
  return d;
}

int Session::next_number() const {
  int n = 0;
  for (const Submission& s : submissions) n = std::max(n, s.n);
  return n + 1;
}

nlohmann::json to_json(const Session& s) {
  json subs = json::array();
  for (const Submission& sub : s.submissions) subs.push_back(submission_json(sub));
  json events = json::array();
  for (const Event& e : s.events) events.push_back(runner::to_json(e));
  json j{{"format", kSessionFormat},
         {"id", s.id},
         {"candidate", s.candidate},
         {"exercise",
          {{"path", s.exercise_path.string()},
           {"id", s.exercise_id},
           {"title", s.exercise_title},
           {"sha256", s.package_sha256}}},
         {"started_at", to_iso(s.started_at)},
         {"deadline", to_iso(s.deadline)},
         {"state", s.finished ? "finished" : "open"},
         {"finished_at", s.finished_at ? json(to_iso(*s.finished_at)) : json(nullptr)},
         {"finished_by", s.finished_by.empty() ? json(nullptr) : json(s.finished_by)},
         {"package_changed", s.package_changed},
         {"submissions", subs},
         {"events", events}};
  if (s.final_verdict) {
    j["final"] = {{"verdict", runner::to_string(*s.final_verdict)}};
    if (s.final_score) j["final"]["score"] = runner::to_json(*s.final_score);
  }
  return j;
}

Session load_session(const SessionFiles& files) {
  std::filesystem::path path = files.session_json();
  std::string text;
  try {
    text = fs::read_file(path, kMaxSessionFileBytes);
  } catch (const runner::UserError&) {
    throw runner::UserError(path, "missing or unreadable session file");
  }
  try {
    return session_from(json::parse(text));
  } catch (const runner::UserError& e) {
    throw runner::UserError(path, std::string("corrupted: ") + e.what());
  } catch (const json::exception& e) {
    throw runner::UserError(path, std::string("corrupted: ") + e.what());
  }
}

void save_session(const SessionFiles& files, const Session& session) {
  fs::atomic_write(files.session_json(), to_json(session).dump(2) + "\n");
}

}  // namespace proctor::session
