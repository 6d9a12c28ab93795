#pragma once
// A session's changes as a feed of events, derived from what is stored and nothing else: the drafts
// (drafts/), the runs (runs.jsonl), session.json's submissions and events (extensions, notes, gradings),
// the deadline against the session clock, and the finish. Whoever changed the files — the server's
// handlers or `proctor session extend|note|finish|submit` on the same directory — the feed sees the same
// change, because it compares stored state with a reader's cursor. The server's live streams
// (server/event_hub.cpp, docs/api.md "Live updates") are this feed sent as Server-Sent Events; a cursor
// is the SSE event id, so a client that reconnects with Last-Event-ID gets exactly what it missed, even
// across a server restart.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/run_record.hpp"
#include "session/draft_files.hpp"
#include "session/session.hpp"

namespace proctor::session {

// Who reads the feed: the interviewer sees everything; the candidate only what concerns their clock
// (extensions, time up, finished) and never a note, a run record or a grade.
enum class Audience { interviewer, candidate };

// How much of each stored history a reader has seen. Counts only grow, except `time_up`, which an
// extension after the deadline turns back to false.
struct Cursor {
  int draft = 0;                // the newest draft number seen
  std::size_t runs = 0;         // runs in runs.jsonl (lines that read as runs)
  std::size_t submissions = 0;  // session.json's submissions
  // Of which settled: sample results (or an error) recorded, or late. A submission is stored before its
  // samples run, so it is sent twice: when received, and again once settled.
  std::size_t settled = 0;
  std::size_t events = 0;      // session.json's events (extend, note, grade)
  std::size_t extensions = 0;  // of which "extend" (the candidate's cursor counts only these)
  bool time_up = false;        // the session clock had reached the deadline
  bool finished = false;
};

// The event id for `who`: "i1.D.R.S.G.E.T.F" or "c1.X.T.F" (the candidate's says nothing about notes,
// runs or drafts). parse_cursor: nullopt for anything else, including another audience's id.
std::string format_cursor(const Cursor& cursor, Audience who);
std::optional<Cursor> parse_cursor(const std::string& text, Audience who);

// One reading of the stored state.
struct Observed {
  Session session;
  Instant at{};
  std::vector<DraftFile> drafts;
  std::vector<runner::RunRecord> runs;  // runs.jsonl, lines torn by a crash skipped
};
// Reads session.json (throws runner::UserError naming it when unreadable), drafts/ and runs.jsonl.
Observed observe(const SessionFiles& files);
Cursor cursor_of(const Observed& observed);

struct Change {
  std::string type;  // "draft", "run", "submission", "extend", "note", "grade", "time_up", "finished"
  nlohmann::json data;
  Cursor after;  // the reader's cursor once it has this change: the SSE id
};

// What `who` has not seen yet, from `from` to `now`: the newest draft (interviewer; with its source),
// each new run, submission and event, then time up and finished. Every change's data carries the
// session's `state`, `now` and `deadline`, so a page can set its countdown from any of them.
std::vector<Change> changes_since(const Cursor& from, const Observed& now, Audience who);

}  // namespace proctor::session
