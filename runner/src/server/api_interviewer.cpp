// The interviewer's API: create sessions (and list them, for the dashboard to come). Authenticated by
// the interviewer token before these handlers run (app.cpp).
#include <algorithm>

#include "proctor/runner/error.hpp"
#include "server/context.hpp"
#include "server/tokens.hpp"
#include "session/overview.hpp"
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
      out.push_back(session::list_entry(session::load_session({ctx.config.sessions_root / id})));
    } catch (const std::exception&) {
      // A broken session is reported by `proctor session list`; the API lists the readable ones.
    }
  }
  reply(json_response(200, json{{"sessions", out}}));
}

}  // namespace proctor::server
