#include "server/report_tickets.hpp"

#include "proctor/runner/exercise.hpp"
#include "server/tokens.hpp"

namespace proctor::server {

std::string ReportTickets::issue(const std::string& session_id) {
  std::string ticket = new_token();
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  for (auto it = tickets_.begin(); it != tickets_.end();) {
    it = it->second.expires <= now ? tickets_.erase(it) : std::next(it);
  }
  tickets_[runner::sha256_hex(ticket)] = {session_id, now + kLifetime};
  return ticket;
}

std::optional<std::string> ReportTickets::redeem(const std::string& ticket) {
  if (ticket.size() != 64) return std::nullopt;
  std::string hash = runner::sha256_hex(ticket);
  std::lock_guard lock(mutex_);
  auto it = tickets_.find(hash);
  if (it == tickets_.end() || !tokens_equal(it->first, hash)) return std::nullopt;
  Ticket t = it->second;
  tickets_.erase(it);
  if (t.expires <= std::chrono::steady_clock::now()) return std::nullopt;
  return t.session;
}

}  // namespace proctor::server
