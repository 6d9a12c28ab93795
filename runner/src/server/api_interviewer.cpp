// The interviewer's API: the exercises, creating and listing sessions, finishing one, and the report.
// Authenticated by the interviewer token before these handlers run (app.cpp); the live view and playback
// are in api_live.cpp.
#include <algorithm>

#include "authoring/list.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "server/context.hpp"
#include "server/tokens.hpp"
#include "session/extend.hpp"
#include "session/notes.hpp"
#include "session/overview.hpp"
#include "session/run_log.hpp"
#include "session/start.hpp"

namespace proctor::server {

using nlohmann::json;
namespace stdfs = std::filesystem;

void create_session(Context& ctx, const Request& request, const Reply& reply) {
  json body = json::parse(request.body, nullptr, false);
  if (!body.is_object()) return reply(error_response(400, "the body must be a JSON object"));
  if (!body.contains("exercise") || !body["exercise"].is_string())
    return reply(error_response(400, "\"exercise\" (string) is required"));
  if (!body.contains("candidate") || !body["candidate"].is_string())
    return reply(error_response(400, "\"candidate\" (string) is required"));
  std::string exercise = body["exercise"];
  // An exercise is named by its directory under --exercises, never by a path.
  if (!session::valid_id(exercise)) return reply(error_response(400, "\"exercise\" is not an exercise id"));
  stdfs::path dir = ctx.config.exercises_dir / exercise;
  std::error_code ec;
  if (!stdfs::is_directory(dir, ec)) return reply(error_response(404, "no exercise '" + exercise + "'"));

  session::StartOptions options{dir, body["candidate"], std::nullopt};
  if (body.contains("duration_minutes")) {
    const json& minutes = body["duration_minutes"];
    if (!minutes.is_number_integer() || minutes.get<long long>() < 1 || minutes.get<long long>() > 24 * 60)
      return reply(error_response(400, "\"duration_minutes\" must be an integer from 1 to 1440"));
    options.duration = std::chrono::minutes(minutes.get<long long>());
  }
  session::Session s;
  try {
    s = session::start_session(ctx.config.sessions_root, options);
  } catch (const runner::UserError& e) {
    return reply(error_response(400, e.what()));
  }
  session::SessionFiles files{ctx.config.sessions_root / s.id};
  std::string token = new_token();
  ctx.candidates.add(files, s.id, token);
  json out{{"id", s.id},
           {"candidate", s.candidate},
           {"exercise", s.exercise_id},
           {"title", s.exercise_title},
           {"started_at", session::to_iso(s.started_at)},
           {"deadline", session::to_iso(s.deadline)},
           {"candidate_url", ctx.config.public_url + "/candidate#" + token}};
  reply(json_response(201, out));
}

void list_sessions(Context& ctx, const Request&, const Reply& reply) {
  json out = json::array();
  std::error_code ec;
  std::vector<std::string> ids;
  for (const auto& entry : stdfs::directory_iterator(ctx.config.sessions_root, ec)) {
    std::string id = entry.path().filename().string();
    if (session::valid_id(id) && stdfs::is_regular_file(entry.path() / "session.json", ec)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  for (const std::string& id : ids) {
    try {
      session::SessionFiles files{ctx.config.sessions_root / id};
      session::Session s = session::load_session(files);
      json entry = session::list_entry(s);
      entry["title"] = s.exercise_title;
      // The dashboard's "how is it going" columns: the latest submission and the latest run.
      if (!s.submissions.empty()) entry["last_submission"] = submission_summary(s.submissions.back());
      const std::vector<runner::RunRecord> runs = session::read_runs(files);
      if (!runs.empty()) entry["last_run"] = session::to_json(runs.back());
      entry["report"] = s.finished && stdfs::is_regular_file(files.report_html(), ec);
      out.push_back(entry);
    } catch (const std::exception&) {
      // A broken session is reported by `proctor session list`; the API lists the readable ones.
    }
  }
  // `now`: the dashboard's countdowns run from the server's clock, not the browser's.
  reply(json_response(200, json{{"now", session::to_iso(session::now())}, {"sessions", out}}));
}

void list_exercises(Context& ctx, const Request&, const Reply& reply) {
  json out = json::array();
  for (const authoring::ListEntry& e : authoring::list_exercises(ctx.config.exercises_dir)) {
    // A package that does not load cannot start a session: listed with its error, so the
    // interviewer sees why it is missing from the choices.
    json j{{"id", e.dir.filename().string()}, {"title", e.title}, {"kind", e.kind}};
    if (!e.error.empty()) j["error"] = e.error;
    out.push_back(j);
  }
  reply(json_response(200, json{{"exercises", out}}));
}

namespace {

json finish_json(const session::FinishOutcome& o) {
  json j{
      {"id", o.session.id},
      {"state", "finished"},
      {"already_finished", o.already_finished},
      {"regraded", o.regraded},
      {"graded_submission", o.graded ? json(*o.graded) : json(nullptr)},
      {"verdict", runner::to_string(o.result.verdict)},
      {"score", runner::to_json(o.result.score)},
      {"finished_at", o.session.finished_at ? json(session::to_iso(*o.session.finished_at)) : json(nullptr)},
      {"finished_by", o.session.finished_by}};
  json warnings = json::array();
  if (!o.warning.empty()) warnings.push_back(o.warning);
  for (const std::string& w : o.choice_warnings) warnings.push_back(w);
  j["warnings"] = warnings;
  return j;
}

// A JSON object body, or an answer saying why not (an empty body reads as {}).
std::optional<json> object_body(const Request& request, const Reply& reply) {
  if (request.body.empty()) return json::object();
  json body = json::parse(request.body, nullptr, false);
  if (!body.is_object()) {
    reply(error_response(400, "the body must be a JSON object"));
    return std::nullopt;
  }
  return body;
}

// Who did it, for the session's events: the server has one interviewer token, so "interviewer".
constexpr const char* kBy = "interviewer";

}  // namespace

void session_finish(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<json> body = object_body(request, reply);
  if (!body) return;
  session::FinishOptions options;
  options.by = kBy;
  if (body->contains("submission") && !(*body)["submission"].is_null()) {
    const json& n = (*body)["submission"];
    if (!n.is_number_integer() || n.get<long long>() < 1 || n.get<long long>() > 1000000)
      return reply(error_response(400, "\"submission\" must be a submission number"));
    options.submission = n.get<int>();
  }
  if (body->contains("regrade")) {
    if (!(*body)["regrade"].is_boolean())
      return reply(error_response(400, "\"regrade\" must be true or false"));
    options.regrade = (*body)["regrade"].get<bool>();
  }
  Admission a = enqueue_finish(ctx, id, options, [reply](FinishDone done) {
    if (done.outcome) return reply(json_response(200, finish_json(*done.outcome)));
    if (done.status == 400) return reply(error_response(400, done.error));
    reply(error_response(500, "internal error while finishing: " + done.error));
  });
  if (!a.accepted) {
    Response r = json_response(429, json{{"error", "the session's run is in progress; wait " +
                                                       std::to_string(a.retry_after_s) + " s"},
                                         {"retry_after_s", a.retry_after_s}});
    r.headers["Retry-After"] = std::to_string(a.retry_after_s);
    reply(std::move(r));
  }
}

void session_extend(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<json> body = object_body(request, reply);
  if (!body) return;
  const json& minutes = body->value("minutes", json());
  if (!minutes.is_number_integer() || minutes.get<long long>() < 1 || minutes.get<long long>() > 24 * 60)
    return reply(error_response(400, "\"minutes\" must be an integer from 1 to 1440"));
  session::SessionFiles files{ctx.config.sessions_root / id};
  if (session::load_session(files).finished)
    return reply(error_response(409, "the session is finished: its grade is written"));
  session::ExtendOutcome out;
  try {
    out = session::extend_session(files, std::chrono::minutes(minutes.get<long long>()), kBy);
  } catch (const runner::UserError& e) {
    return reply(error_response(409, e.what()));  // finished meanwhile
  }
  session::Instant at = session::now();
  ctx.hub->changed(id);  // the live streams hear of it now, not at the next check
  reply(json_response(200, json{{"deadline", session::to_iso(out.session.deadline)},
                                {"now", session::to_iso(at)},
                                {"remaining_ms", std::max<long long>(0, (out.session.deadline - at).count())},
                                {"event", runner::to_json(out.event)}}));
}

void session_note(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<json> body = object_body(request, reply);
  if (!body) return;
  if (!body->contains("text") || !(*body)["text"].is_string())
    return reply(error_response(400, "\"text\" (string) is required"));
  session::SessionFiles files{ctx.config.sessions_root / id};
  // add_note checks the text (empty, too long, control characters) and says why (UserError: 400).
  session::Event e = session::add_note(files, (*body)["text"].get<std::string>(), kBy);
  ctx.hub->changed(id);  // the live streams hear of it now, not at the next check
  reply(json_response(201, runner::to_json(e)));
}

void session_report_link(Context& ctx, const std::string& id, const Request&, const Reply& reply) {
  session::SessionFiles files{ctx.config.sessions_root / id};
  session::Session s = session::load_session(files);
  std::error_code ec;
  if (!s.finished || !stdfs::is_regular_file(files.report_html(), ec))
    return reply(error_response(409, "the session is not finished: there is no report yet"));
  std::string ticket = ctx.report_tickets.issue(id);
  reply(json_response(
      201, json{{"url", "/report?ticket=" + ticket}, {"expires_in_s", ReportTickets::kLifetime.count()}}));
}

Response report_page(Context& ctx, const Request& request) {
  std::string target = request.target;
  std::string ticket;
  std::size_t q = target.find("?ticket=");
  if (q != std::string::npos) ticket = target.substr(q + 8, 64);
  std::optional<std::string> id = ctx.report_tickets.redeem(ticket);
  Response r;
  r.headers["Content-Type"] = "text/html; charset=utf-8";
  if (!id) {
    r.status = 404;
    r.body =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report link expired</title>"
        "</head><body><p>This report link has expired or was already used. Open the report again from the "
        "interviewer's dashboard.</p></body></html>\n";
    return r;
  }
  session::SessionFiles files{ctx.config.sessions_root / *id};
  r.body = fs::read_file(files.report_html(), 64 << 20);
  // The report is one self-contained page with inline styles and no script at all; it may be shown in
  // the dashboard's frame (same origin) and nowhere else.
  r.headers["Content-Security-Policy"] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
      "frame-ancestors 'self'";
  r.headers["X-Frame-Options"] = "SAMEORIGIN";
  r.headers["Content-Disposition"] = "inline; filename=\"report-" + *id + ".html\"";
  return r;
}

}  // namespace proctor::server
