#pragma once
// What the interviewer does to a session, recorded in session.json's "events" array (docs/sessions.md,
// "Events") with when and by whom: time extensions, private notes and every grading (the finish and each
// re-grade). With the submissions (Session::submissions) and the drafts, the whole timeline can be
// rebuilt, and the CLI and the server read the same history from the same file. The types and their
// JSON live with the result document (a result's session block carries the same events).
#include "proctor/runner/result.hpp"
#include "proctor/runner/result_json.hpp"

namespace proctor::session {

using runner::event_type;
using runner::Graded;
using runner::NoteAdded;
using runner::TimeExtended;
using Event = runner::SessionEvent;

}  // namespace proctor::session
