#pragma once
// What `session status` and `session list` show, as text and as JSON.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "session/session.hpp"

namespace proctor::session {

// "open", "expired" (past the deadline, not yet finished) or "finished".
std::string state_name(const Session& session, Instant at);

nlohmann::json status_json(const SessionFiles& files, const Session& session);
std::string status_text(const SessionFiles& files, const Session& session);

// "16/20 tests, 16/20 points" from the cached final score; empty before finish.
std::string score_text(const Session& session);

// "graded submission 2" or "no submission", for a finished session.
std::string graded_text(const Session& session);

nlohmann::json list_entry(const Session& session);
// A table, one line per session, oldest first.
std::string list_text(const std::vector<Session>& sessions);

}  // namespace proctor::session
