// Live updates by Server-Sent Events (docs/api.md "Live updates"): a single-use ticket for the page's
// EventSource (which cannot send the bearer header), and the stream itself. What is streamed comes from
// the session layer's change feed through the event hub; this file only authenticates and admits.
#include "proctor/runner/error.hpp"
#include "server/context.hpp"

namespace proctor::server {

using nlohmann::json;

namespace {

std::string ticket_subject(session::Audience who, const std::string& id) {
  return (who == session::Audience::candidate ? "candidate:" : "interviewer:") + id;
}

}  // namespace

std::string query_param(const Request& request, const std::string& name) {
  std::size_t q = request.target.find('?');
  if (q == std::string::npos) return "";
  std::string query = request.target.substr(q + 1);
  for (std::size_t at = 0; at <= query.size();) {
    std::size_t amp = query.find('&', at);
    std::string pair = query.substr(at, amp == std::string::npos ? std::string::npos : amp - at);
    std::size_t eq = pair.find('=');
    if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    if (amp == std::string::npos) break;
    at = amp + 1;
  }
  return "";
}

void stream_ticket(Context& ctx, session::Audience who, const std::string& id, const Reply& reply) {
  std::string ticket = ctx.stream_tickets.issue(ticket_subject(who, id));
  std::string path =
      who == session::Audience::candidate ? "/api/candidate/events" : "/api/sessions/" + id + "/events";
  reply(json_response(
      201, json{{"url", path + "?ticket=" + ticket}, {"expires_in_s", ReportTickets::kLifetime.count()}}));
}

std::optional<std::string> redeem_stream_ticket(Context& ctx, session::Audience who, const Request& request) {
  std::optional<std::string> subject = ctx.stream_tickets.redeem(query_param(request, "ticket"));
  std::string prefix = ticket_subject(who, "");
  if (!subject || subject->rfind(prefix, 0) != 0) return std::nullopt;
  return subject->substr(prefix.size());
}

void event_stream(Context& ctx, session::Audience who, const std::string& id, const Request& request,
                  const Reply& reply) {
  // Where to resume: the Last-Event-ID header a reconnecting EventSource sends, or ?last_event_id= from a
  // page that opens a new stream with a new ticket. An id that is not this audience's starts afresh.
  std::string last = request.header("last-event-id");
  if (last.empty()) last = query_param(request, "last_event_id");
  std::optional<session::Cursor> from;
  if (!last.empty()) from = session::parse_cursor(last, who);
  EventHub::Admission a = ctx.hub->reserve(id, who, from);
  if (!a.subscriber) {
    Response r = json_response(a.status, json{{"error", a.error}, {"retry_after_s", a.retry_after_s}});
    r.headers["Retry-After"] = std::to_string(a.retry_after_s);
    return reply(std::move(r));
  }
  reply(ctx.hub->stream_response(a.subscriber));
}

}  // namespace proctor::server
