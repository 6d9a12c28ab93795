#pragma once
// The `session` block of a session's result.json (docs/result.schema.json, docs/sessions.md):
// who, when, how it ended, and every submission in order.
#include "proctor/runner/result.hpp"
#include "session/session.hpp"

namespace proctor::session {

runner::SessionRecord session_record(const Session& session);

// One timeline entry: sample figures and verdict are absent when the samples were not graded.
runner::TimelineEntry timeline_entry(const Submission& submission);

}  // namespace proctor::session
