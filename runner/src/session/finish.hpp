#pragma once
// `session finish` and the automatic finish at the deadline: grade the last on-time submission
// against every test and write result.json (the grade result plus the `session` block) and report.html.
#include <optional>
#include <string>

#include "proctor/runner/result.hpp"
#include "session/grader.hpp"
#include "session/session.hpp"

namespace proctor::session {

struct FinishOutcome {
  Session session;
  runner::GradeResult result;
  bool already_finished = false;  // finish is idempotent: a second call returns the stored result
  std::string warning;            // e.g. the original package changed since start
};

// Takes the session lock. Before the deadline this ends the session early (finished_by "interviewer").
FinishOutcome finish_session(const SessionFiles& files, Grader& grader);

// For status and list: finishes a session whose deadline passed (finished_by "deadline"). With
// wait=false it gives up when another command holds the lock and returns nothing.
std::optional<FinishOutcome> finish_if_expired(const SessionFiles& files, Grader& grader, bool wait);

// After a late attempt on a finished session: rewrites the session block of result.json and report.html
// so they show the attempt too. The caller holds the lock.
void refresh_final_documents(const SessionFiles& files, const Session& session);

}  // namespace proctor::session
