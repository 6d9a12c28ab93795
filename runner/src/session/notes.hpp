#pragma once
// The interviewer's private notes: timestamped "note" events in session.json. Never shown to the
// candidate (nothing the candidate reaches reads events); shown in `session show`, the live view and
// the report. A note can be added after the finish too (a debrief remark); the report is then
// rewritten so it carries the note.
#include <string>

#include "session/session.hpp"

namespace proctor::session {

inline constexpr std::size_t kMaxNoteBytes = 4096;

// Takes the session lock. Throws runner::UserError for an empty note (only white space), one longer
// than kMaxNoteBytes, invalid UTF-8 or control characters other than newline and tab.
Event add_note(const SessionFiles& files, const std::string& text, const std::string& by);

}  // namespace proctor::session
