#pragma once
// `session finish` and the automatic finish at the deadline: grade one submission (the last on-time
// one unless the interviewer picks another) against every test and write result.json (the grade
// result plus the `session` block) and report.html. Every grading is recorded as a "grade" event.
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/result.hpp"
#include "session/grader.hpp"
#include "session/session.hpp"

namespace proctor::session {

struct FinishOptions {
  // Grade this submission (on time) instead of the last one. On a finished session: re-grade with it.
  std::optional<int> submission;
  // Grade again even when the session is finished and no submission is given (the same one again).
  bool regrade = false;
  std::string by = "interviewer";  // who asked, for the "grade" event
};

struct FinishOutcome {
  Session session;
  runner::GradeResult result;
  bool already_finished = false;             // nothing graded: the stored result (finish is idempotent)
  bool regraded = false;                     // a finished session graded again
  std::optional<int> graded;                 // the submission graded; none: no submission
  std::string warning;                       // e.g. the original package changed since start
  std::vector<std::string> choice_warnings;  // graded_choice.hpp: a broken last submission, later drafts
};

// Takes the session lock. Before the deadline this ends the session early (finished_by "interviewer").
// Throws runner::UserError for a submission that does not exist or was late.
FinishOutcome finish_session(const SessionFiles& files, Grader& grader, const FinishOptions& options = {});

// For status and list: finishes a session whose deadline passed (finished_by "deadline"). With
// wait=false it gives up when another command holds the lock and returns nothing.
std::optional<FinishOutcome> finish_if_expired(const SessionFiles& files, Grader& grader, bool wait);

// After a late attempt or a note on a finished session: rewrites the session block of result.json and
// report.html so they show it too. The caller holds the lock.
void refresh_final_documents(const SessionFiles& files, const Session& session);

}  // namespace proctor::session
