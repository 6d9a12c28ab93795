#pragma once
// A session's whole timeline, rebuilt from what is stored: the start, every draft (drafts/), every run
// of the samples or of the candidate's own input (runs.jsonl, written by the server), every
// submission, and every event (extensions, notes, gradings). For `session show`, playback and the report.
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/run_record.hpp"
#include "session/draft_files.hpp"
#include "session/session.hpp"

namespace proctor::session {

enum class HistoryKind { start, draft, run, submission, extend, note, grade };

struct HistoryItem {
  Instant at{};
  HistoryKind kind = HistoryKind::start;
  std::optional<DraftFile> draft;
  std::optional<runner::RunRecord> run;
  std::optional<Submission> submission;
  std::optional<Event> event;  // extend, note, grade
};

// Oldest first; items at the same instant keep the order above (start, drafts, runs, submissions, events).
std::vector<HistoryItem> session_history(const SessionFiles& files, const Session& session);

}  // namespace proctor::session
