#pragma once
// The `session` block of a session's result.json (docs/result.schema.json, docs/sessions.md):
// who, when, how it ended, and every submission in order.
#include <nlohmann/json.hpp>

#include "session/session.hpp"

namespace proctor::session {

nlohmann::json session_block(const Session& session);

// One timeline entry: {n, submitted_at, sha256, late, sample_passed, sample_total, verdict}; the last
// three are absent when the samples were not graded.
nlohmann::json timeline_entry(const Submission& submission);

}  // namespace proctor::session
