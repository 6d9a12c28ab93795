#pragma once
// What the handlers share: configuration, the candidate token index, drafts, the run queue and a cache
// of frozen packages. Private to the server's files.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"
#include "server/app.hpp"
#include "server/drafts.hpp"
#include "server/event_hub.hpp"
#include "server/report_tickets.hpp"
#include "server/run_queue.hpp"
#include "session/finish.hpp"
#include "session/session.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::server {

// Maps a candidate token to its session. Only the token's SHA-256 is kept (memory and disk:
// sessions/<id>/candidate-token.sha256), so a leaked sessions directory reveals no usable token.
class CandidateIndex {
 public:
  void load(const std::filesystem::path& sessions_root);
  // Writes the hash file atomically, then indexes it.
  void add(const session::SessionFiles& files, const std::string& id, const std::string& token);
  std::optional<std::string> find(const std::string& token) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> by_hash_;  // sha256(token) -> session id
};

Response json_response(int status, const nlohmann::json& body);
Response error_response(int status, const std::string& message);
// A submission as both the candidate and the interviewer see it: number, time, lateness, sample results.
nlohmann::json submission_summary(const session::Submission& submission);

struct Context {
  AppConfig config;
  CandidateIndex candidates;
  DraftStore drafts;
  ReportTickets report_tickets;
  // Stream tickets name "interviewer:ID" or "candidate:ID": an EventSource cannot send the bearer
  // header, so the page trades it for a single-use, one-minute ticket that opens one stream.
  ReportTickets stream_tickets;
  std::unique_ptr<EventHub> hub;
  std::unique_ptr<RunQueue> queue;
  std::vector<std::unique_ptr<sandbox::Sandbox>> sandboxes;  // one per run worker
  std::filesystem::path scratch;                             // private temp dir for run sources

  // The session's frozen package, loaded (and checked against its sha256) once.
  std::shared_ptr<const runner::Exercise> exercise(const session::SessionFiles& files,
                                                   const session::Session& s);

 private:
  std::mutex exercises_mutex_;
  std::map<std::string, std::shared_ptr<const runner::Exercise>> exercises_;
};

// Grades a session's end through the run queue (a finish compiles and runs every test, so it waits its
// turn like any sandboxed job). With options: the interviewer's finish (or re-grade) as
// session::finish_session does it. Without: the deadline's own finish (finisher.cpp), which
// session::finish_if_expired decides again under the session lock (time may have been extended since).
// `done` runs on a worker thread.
struct FinishDone {
  std::optional<session::FinishOutcome> outcome;  // none: an error, or (deadline) nothing to finish
  int status = 200;                               // 400 (bad choice of submission), 500
  std::string error;
};
Admission enqueue_finish(Context& ctx, const std::string& id, std::optional<session::FinishOptions> options,
                         std::function<void(FinishDone)> done);

// Handlers (api_interviewer.cpp, api_live.cpp, api_candidate.cpp, static_files.cpp).
void create_session(Context& ctx, const Request& request, const Reply& reply);
void list_sessions(Context& ctx, const Request& request, const Reply& reply);
void list_exercises(Context& ctx, const Request& request, const Reply& reply);
void session_live(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void session_drafts(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void session_draft(Context& ctx, const std::string& id, int n, const Request& request, const Reply& reply);
void session_finish(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void session_extend(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void session_note(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void session_report_link(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
// GET /report?ticket=T: the report page itself, for a ticket an interviewer just asked for.
Response report_page(Context& ctx, const Request& request);
void candidate_session(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void candidate_state(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void candidate_save(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void candidate_run(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void candidate_run_input(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
void candidate_submit(Context& ctx, const std::string& id, const Request& request, const Reply& reply);
// Live updates (api_events.cpp): POST …/stream-ticket, and the stream itself, for either audience.
void stream_ticket(Context& ctx, session::Audience who, const std::string& id, const Reply& reply);
void event_stream(Context& ctx, session::Audience who, const std::string& id, const Request& request,
                  const Reply& reply);
// GET …/events?ticket=T: the session a valid ticket was issued for (consumed), if it is for `who`.
std::optional<std::string> redeem_stream_ticket(Context& ctx, session::Audience who, const Request& request);
// The value of `name` in the request's query string ("" when absent).
std::string query_param(const Request& request, const std::string& name);
// nullopt: not one of the page's files.
std::optional<Response> static_file(const Context& ctx, const std::string& path);

}  // namespace proctor::server
