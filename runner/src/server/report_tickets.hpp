#pragma once
// Short-lived, single-use tickets for opening a finished session's report in a browser tab. The report is
// the interviewer's only: a tab cannot send the bearer header when it navigates, so the dashboard asks
// (with the header) for a ticket and opens /report?ticket=T. A ticket names one session, works once and
// expires after a minute, so a copied URL or a history entry is worth nothing later.
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace proctor::server {

class ReportTickets {
 public:
  static constexpr std::chrono::seconds kLifetime{60};
  std::string issue(const std::string& session_id);
  // The session the ticket was issued for; consumes it.
  std::optional<std::string> redeem(const std::string& ticket);

 private:
  struct Ticket {
    std::string session;
    std::chrono::steady_clock::time_point expires;
  };
  std::mutex mutex_;
  std::map<std::string, Ticket> tickets_;  // keyed by the ticket's SHA-256, as candidate tokens are
};

}  // namespace proctor::server
