// The interviewer's view of one session: the live state (asked by the dashboard's live view when it
// opens, on its stream's events other than drafts, and every 10 s without a stream; the drafts
// themselves come by the stream, api_events.cpp), and the drafts for playback. Behind the interviewer token
// (app.cpp). Nothing here is ever served to a candidate token.
#include "proctor/runner/result_json.hpp"
#include "result/result_file.hpp"
#include "server/context.hpp"
#include "server/signals_digest.hpp"
#include "session/overview.hpp"
#include "session/run_log.hpp"
#include "text/line_diff.hpp"

namespace proctor::server {

using nlohmann::json;
namespace stdfs = std::filesystem;

namespace {

json runs_json(const session::SessionFiles& files) {
  json out = json::array();
  for (const runner::RunRecord& r : session::read_runs(files)) out.push_back(session::to_json(r));
  return out;
}

json draft_json(const Draft& d) {
  json j{{"n", d.n}, {"saved_at", session::to_iso(d.saved_at)}, {"bytes", d.bytes}};
  if (!d.sha256.empty()) j["sha256"] = d.sha256;
  return j;
}

// ?draft=N in the target: the draft the caller already holds.
int known_draft(const Request& request) {
  std::string target = request.target;
  std::size_t q = target.find("?draft=");
  if (q == std::string::npos) q = target.find("&draft=");
  if (q == std::string::npos) return 0;
  std::string digits = target.substr(q + 7, 6);
  std::size_t end = digits.find_first_not_of("0123456789");
  digits = digits.substr(0, end);
  return digits.empty() ? 0 : std::stoi(digits);
}

}  // namespace

void session_live(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  session::SessionFiles files{ctx.config.sessions_root / id};
  session::Session s = session::load_session(files);
  session::Instant at = session::now();
  std::string state = session::state_name(s, at);
  json submissions = json::array();
  for (const session::Submission& sub : s.submissions) {
    json j = submission_summary(sub);
    j["sha256"] = sub.sha256;
    j["bytes"] = sub.bytes;
    if (!sub.error.empty()) j["error"] = sub.error;
    submissions.push_back(j);
  }
  json j{{"id", s.id},
         {"candidate", s.candidate},
         {"exercise", json{{"id", s.exercise_id}, {"title", s.exercise_title}}},
         {"state", state},
         {"now", session::to_iso(at)},
         {"started_at", session::to_iso(s.started_at)},
         {"deadline", session::to_iso(s.deadline)},
         {"remaining_ms", state == "open" ? (s.deadline - at).count() : 0},
         {"submissions", submissions},
         {"runs", runs_json(files)}};
  // The candidate's current code: the newest draft, sent only when it is newer than the one the caller
  // holds (most answers then carry no source).
  std::optional<Draft> newest = ctx.drafts.newest(files);
  if (newest) {
    json d = draft_json(*newest);
    if (newest->n != known_draft(request)) {
      std::optional<std::string> source = ctx.drafts.read(files, newest->n);
      if (source) d["source"] = *source;
    }
    j["draft"] = d;
  } else {
    j["draft"] = nullptr;
  }
  // What the interviewer did, from the session's events (private: no candidate answer reads them).
  json notes = json::array(), extensions = json::array(), gradings = json::array();
  for (const session::Event& e : s.events) {
    json ej = runner::to_json(e);
    std::string_view type = runner::event_type(e);
    (type == "note" ? notes : type == "extend" ? extensions : gradings).push_back(ej);
  }
  j["notes"] = notes;
  j["extensions"] = extensions;
  j["gradings"] = gradings;
  if (s.finished) {
    std::error_code ec;
    j["finished"] =
        json{{"at", s.finished_at ? json(session::to_iso(*s.finished_at)) : json(nullptr)},
             {"by", s.finished_by},
             {"verdict", s.final_verdict ? json(runner::to_string(*s.final_verdict)) : json(nullptr)},
             {"score", s.final_score ? runner::to_json(*s.final_score) : json(nullptr)},
             {"report", stdfs::is_regular_file(files.report_html(), ec)}};
    // The graded result's signals, where the grade collected them (--signals or the exercise's
    // every_session); a result that cannot be read leaves them out, the report still has its say.
    try {
      if (stdfs::is_regular_file(files.result_json(), ec)) {
        const runner::GradeResult result = runner::read_result_file(files.result_json());
        if (result.signals) j["finished"]["signals"] = signals_digest(*result.signals);
      }
    } catch (const std::exception&) {
    }
  }
  reply(json_response(200, j));
}

void session_drafts(Context& ctx, const std::string& id, const Request&, const Reply& reply) {
  session::SessionFiles files{ctx.config.sessions_root / id};
  json drafts = json::array();
  for (const Draft& d : ctx.drafts.list(files)) drafts.push_back(draft_json(d));
  reply(json_response(200, json{{"drafts", drafts}}));
}

void session_draft(Context& ctx, const std::string& id, int n, const Request&, const Reply& reply) {
  session::SessionFiles files{ctx.config.sessions_root / id};
  std::vector<Draft> drafts = ctx.drafts.list(files);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    if (drafts[i].n != n) continue;
    std::optional<std::string> source = ctx.drafts.read(files, n);
    if (!source) break;
    json j = draft_json(drafts[i]);
    j["source"] = *source;
    // What changed since the draft before (playback shows this draft with its diff).
    std::string before = i > 0 ? ctx.drafts.read(files, drafts[i - 1].n).value_or("") : "";
    j["previous"] = i > 0 ? json(drafts[i - 1].n) : json(nullptr);
    json diff = json::array();
    for (const text::DiffLine& line : text::line_diff(before, *source)) {
      diff.push_back(json{{"op", line.op == text::DiffOp::same      ? "same"
                                 : line.op == text::DiffOp::removed ? "removed"
                                                                    : "added"},
                          {"text", line.text},
                          {"old_line", line.old_line},
                          {"new_line", line.new_line}});
    }
    j["diff"] = diff;
    return reply(json_response(200, j));
  }
  reply(error_response(404, "no such draft"));
}

}  // namespace proctor::server
