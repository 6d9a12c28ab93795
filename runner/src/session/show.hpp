#pragma once
// `session show ID [N]` and `session diff ID A B`: what the candidate wrote, and the session's timeline,
// for the interviewer (text and JSON).
#include <nlohmann/json.hpp>
#include <string>

#include "session/session.hpp"

namespace proctor::session {

// The source of submission n. Throws runner::UserError for a submission that does not exist or whose
// snapshot is missing.
std::string submission_source(const SessionFiles& files, const Session& session, int n);

// The whole timeline (history.hpp), one line per item, elapsed time and local time with its zone.
std::string history_text(const SessionFiles& files, const Session& session);
nlohmann::json history_json(const SessionFiles& files, const Session& session);

// Submission n's header (time, size, samples) followed by its source.
std::string submission_text(const SessionFiles& files, const Session& session, int n);

// A unified diff from submission a to submission b; a line saying so when they are equal.
std::string submission_diff(const SessionFiles& files, const Session& session, int a, int b);

}  // namespace proctor::session
