#pragma once
// What a finish grades, and what the interviewer should know about that choice. By default the last
// explicit on-time submission; the interviewer may pick another on-time one. The warnings catch the
// accident the issue describes: a correct submission followed by a broken last-minute one.
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "session/session.hpp"

namespace proctor::session {

// The submission to grade: `requested` when given (runner::UserError when there is no such submission or
// it was late), else the last on-time one; nullptr when there is none.
const Submission* choose_submission(const SessionFiles& files, const Session& session,
                                    std::optional<int> requested);

// Sentences for people, each naming the submissions concerned:
// - the graded submission does not compile while an earlier one passed every sample (and how to grade it);
// - a later submission, the newest draft (sessions served by `proctor serve`) or, without drafts, the
//   workspace's solution.c (unless it is still the starter) differs from the graded submission (work the
//   grade does not see).
std::vector<std::string> grading_warnings(const SessionFiles& files, const Session& session,
                                          const runner::Exercise& exercise, const Submission* graded,
                                          const runner::GradeResult& result);

}  // namespace proctor::session
