#include "server/app.hpp"

#include <stdlib.h>

#include <chrono>
#include <iostream>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "proctor/sandbox/launch.hpp"
#include "server/context.hpp"
#include "server/finisher.hpp"
#include "server/tokens.hpp"
#include "session/frozen.hpp"

namespace proctor::server {

namespace stdfs = std::filesystem;
using nlohmann::json;

// --- shared helpers --------------------------------------------------------------------------------

Response json_response(int status, const json& body) {
  Response r;
  r.status = status;
  r.headers["Content-Type"] = "application/json; charset=utf-8";
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

Response error_response(int status, const std::string& message) {
  return json_response(status, json{{"error", message}});
}

json submission_summary(const session::Submission& e) {
  json j{{"n", e.n}, {"submitted_at", session::to_iso(e.submitted_at)}, {"late", e.late}};
  if (e.sample_passed) j["sample_passed"] = *e.sample_passed;
  if (e.sample_total) j["sample_total"] = *e.sample_total;
  if (e.verdict) j["verdict"] = runner::to_string(*e.verdict);
  return j;
}

void CandidateIndex::load(const stdfs::path& root) {
  std::error_code ec;
  for (const auto& entry : stdfs::directory_iterator(root, ec)) {
    std::string id = entry.path().filename().string();
    if (!session::valid_id(id)) continue;
    stdfs::path file = entry.path() / "candidate-token.sha256";
    if (!stdfs::is_regular_file(file, ec)) continue;
    try {
      std::string hash = fs::read_file(file, 256);
      while (!hash.empty() && (hash.back() == '\n')) hash.pop_back();
      std::lock_guard lock(mutex_);
      by_hash_[hash] = id;
    } catch (const std::exception&) {
      // An unreadable hash file only means that session has no candidate link.
    }
  }
}

void CandidateIndex::add(const session::SessionFiles& files, const std::string& id,
                         const std::string& token) {
  std::string hash = runner::sha256_hex(token);
  fs::atomic_write(files.dir / "candidate-token.sha256", hash + "\n");
  std::lock_guard lock(mutex_);
  by_hash_[hash] = id;
}

std::optional<std::string> CandidateIndex::find(const std::string& token) const {
  if (token.size() != 64) return std::nullopt;
  // The lookup is by the token's hash: timing reveals nothing usable about the token itself.
  std::string hash = runner::sha256_hex(token);
  std::lock_guard lock(mutex_);
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end() || !tokens_equal(it->first, hash)) return std::nullopt;
  return it->second;
}

std::shared_ptr<const runner::Exercise> Context::exercise(const session::SessionFiles& files,
                                                          const session::Session& s) {
  {
    std::lock_guard lock(exercises_mutex_);
    auto it = exercises_.find(s.id);
    if (it != exercises_.end()) return it->second;
  }
  auto loaded = std::make_shared<const runner::Exercise>(session::load_frozen_package(files, s));
  std::lock_guard lock(exercises_mutex_);
  exercises_[s.id] = loaded;
  return loaded;
}

// --- routing ---------------------------------------------------------------------------------------

namespace {

// /api/sessions, /api/exercises and /api/sessions/ID[/WHAT[/N]], once the interviewer token is checked.
void route_interviewer(Context& ctx, const std::string& method, const std::string& path,
                       const Request& request, const Reply& reply) {
  if (path == "/api/sessions") {
    if (method == "POST") return create_session(ctx, request, reply);
    if (method == "GET") return list_sessions(ctx, request, reply);
    return reply(error_response(405, "method not allowed"));
  }
  if (path == "/api/exercises") {
    if (method == "GET") return list_exercises(ctx, request, reply);
    return reply(error_response(405, "method not allowed"));
  }
  std::vector<std::string> parts;
  std::string rest = path.substr(std::string("/api/sessions/").size());
  for (std::size_t at = 0;;) {
    std::size_t slash = rest.find('/', at);
    parts.push_back(rest.substr(at, slash == std::string::npos ? std::string::npos : slash - at));
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  const std::string& id = parts[0];
  std::error_code ec;
  // The id is checked before it touches a path: letters, digits and '-', nothing else.
  if (!session::valid_id(id) || !stdfs::is_regular_file(ctx.config.sessions_root / id / "session.json", ec))
    return reply(error_response(404, "no such session"));
  std::string what = parts.size() > 1 ? parts[1] : "";
  if (parts.size() == 1 && method == "GET") return session_live(ctx, id, request, reply);
  if (parts.size() == 2 && what == "drafts" && method == "GET")
    return session_drafts(ctx, id, request, reply);
  if (parts.size() == 3 && what == "drafts" && method == "GET") {
    const std::string& n = parts[2];
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos)
      return reply(error_response(404, "no such draft"));
    return session_draft(ctx, id, std::stoi(n), request, reply);
  }
  if (parts.size() == 2 && what == "finish" && method == "POST")
    return session_finish(ctx, id, request, reply);
  if (parts.size() == 2 && what == "extend" && method == "POST")
    return session_extend(ctx, id, request, reply);
  if (parts.size() == 2 && what == "notes" && method == "POST") return session_note(ctx, id, request, reply);
  if (parts.size() == 2 && what == "stream-ticket" && method == "POST")
    return stream_ticket(ctx, session::Audience::interviewer, id, reply);
  if (parts.size() == 2 && what == "events" && method == "GET")
    return event_stream(ctx, session::Audience::interviewer, id, request, reply);
  if (parts.size() == 2 && what == "report-link" && method == "POST")
    return session_report_link(ctx, id, request, reply);
  return reply(error_response(404, "not found"));
}

}  // namespace

struct App::Impl {
  Context ctx;
  std::unique_ptr<Finisher> finisher;
};

App::App(AppConfig config) : impl_(std::make_unique<Impl>()) {
  Context& ctx = impl_->ctx;
  ctx.config = std::move(config);
  ctx.candidates.load(ctx.config.sessions_root);
  for (unsigned i = 0; i < std::max(1u, ctx.config.run_workers); ++i)
    ctx.sandboxes.push_back(std::make_unique<sandbox::Sandbox>());
  std::string scratch = (stdfs::temp_directory_path() / "proctor-serve-XXXXXX").string();
  if (::mkdtemp(scratch.data()) == nullptr) throw runner::InternalError("cannot create a scratch directory");
  ctx.scratch = scratch;
  ctx.queue = std::make_unique<RunQueue>(static_cast<unsigned>(ctx.sandboxes.size()),
                                         ctx.config.run_queue_capacity, ctx.config.run_interval);
  ctx.hub = std::make_unique<EventHub>(ctx.config.sessions_root, ctx.config.streams);
  impl_->finisher = std::make_unique<Finisher>(ctx, ctx.config.finish_sweep);
}

App::~App() {
  impl_->ctx.hub->stop();    // every stream ends now; later changes find no listener
  impl_->finisher->stop();   // no new finishes; queued ones may still call back into it
  impl_->ctx.queue.reset();  // joins the workers before the sandboxes go
  impl_->finisher.reset();
  std::error_code ec;
  stdfs::remove_all(impl_->ctx.scratch, ec);
}

std::size_t App::body_limit(const std::string& method, const std::string& target) {
  if (method == "GET" || method == "HEAD") return 0;
  std::string path = target.substr(0, target.find('?'));
  // JSON may escape each byte of source as \u00XX: allow for it here, check the decoded size later.
  if (path == "/api/candidate/draft" || path == "/api/candidate/run" || path == "/api/candidate/submit")
    return 6 * kMaxSourceBytes + 4096;
  if (path == "/api/candidate/run-input") return 6 * (kMaxSourceBytes + kMaxCustomInputBytes) + 4096;
  return 16 * 1024;
}

void App::handle(Request request, Reply reply) {
  Context& ctx = impl_->ctx;
  auto started = std::chrono::steady_clock::now();
  std::string method = request.method;
  std::string path = request.path();
  bool log = ctx.config.log_requests;
  // Paths never carry a token (tokens travel in the Authorization header; the page's link keeps its
  // token in the URL fragment, which browsers never send), so the path is safe to log.
  Reply logged = [reply, method, path, started, log](Response response) {
    if (log) {
      auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      std::cerr << "proctor serve: " << method << " " << path << " " << response.status << " " << ms.count()
                << " ms\n";
    }
    reply(std::move(response));
  };
  try {
    if (path.rfind("/api/", 0) != 0) {
      if (method != "GET" && method != "HEAD") return logged(error_response(405, "method not allowed"));
      if (path == "/report") return logged(report_page(ctx, request));
      if (auto file = static_file(ctx, path)) return logged(std::move(*file));
      return logged(error_response(404, "not found"));
    }
    // A live stream opened by a page's EventSource carries a single-use ticket instead of the header
    // (api_events.cpp); the ticket names the audience and the session, nothing else is needed.
    if (method == "GET" && !query_param(request, "ticket").empty()) {
      Response refused = error_response(401, "missing, used or expired stream ticket");
      refused.headers["WWW-Authenticate"] = "Bearer";
      if (path == "/api/candidate/events") {
        std::optional<std::string> id = redeem_stream_ticket(ctx, session::Audience::candidate, request);
        if (!id) return logged(std::move(refused));
        return event_stream(ctx, session::Audience::candidate, *id, request, logged);
      }
      std::string prefix = "/api/sessions/", suffix = "/events";
      if (path.rfind(prefix, 0) == 0 && path.size() > prefix.size() + suffix.size() &&
          path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
        std::optional<std::string> holder =
            redeem_stream_ticket(ctx, session::Audience::interviewer, request);
        if (!holder || !tokens_equal(*holder, id)) return logged(std::move(refused));
        return event_stream(ctx, session::Audience::interviewer, id, request, logged);
      }
    }
    if (path == "/api/sessions" || path.rfind("/api/sessions/", 0) == 0 || path == "/api/exercises") {
      std::string token = bearer_token(request.header("authorization"));
      if (!tokens_equal(token, ctx.config.interviewer_token)) {
        Response r = error_response(401, "missing or wrong interviewer token");
        r.headers["WWW-Authenticate"] = "Bearer";
        return logged(std::move(r));
      }
      return route_interviewer(ctx, method, path, request, logged);
    }
    if (path.rfind("/api/candidate/", 0) == 0) {
      std::optional<std::string> id = ctx.candidates.find(bearer_token(request.header("authorization")));
      if (!id) {
        Response r = error_response(401, "missing or unknown candidate token");
        r.headers["WWW-Authenticate"] = "Bearer";
        return logged(std::move(r));
      }
      std::string what = path.substr(std::string("/api/candidate/").size());
      if (what == "session" && method == "GET") return candidate_session(ctx, *id, request, logged);
      if (what == "state" && method == "GET") return candidate_state(ctx, *id, request, logged);
      if (what == "draft" && method == "PUT") return candidate_save(ctx, *id, request, logged);
      if (what == "run" && method == "POST") return candidate_run(ctx, *id, request, logged);
      if (what == "run-input" && method == "POST") return candidate_run_input(ctx, *id, request, logged);
      if (what == "submit" && method == "POST") return candidate_submit(ctx, *id, request, logged);
      if (what == "stream-ticket" && method == "POST")
        return stream_ticket(ctx, session::Audience::candidate, *id, logged);
      if (what == "events" && method == "GET")
        return event_stream(ctx, session::Audience::candidate, *id, request, logged);
      return logged(error_response(404, "not found"));
    }
    return logged(error_response(404, "not found"));
  } catch (const runner::UserError& e) {
    return logged(error_response(400, e.what()));
  } catch (const std::exception& e) {
    std::cerr << "proctor serve: internal error: " << e.what() << "\n";
    return logged(error_response(500, "internal error"));
  }
}

}  // namespace proctor::server
