#pragma once
// `session submit` (and every save under `session watch`): store an immutable snapshot, then grade
// the sample tests only. Secret tests are graded once, by finish.
#include <filesystem>
#include <string>

#include "proctor/runner/result.hpp"
#include "session/grader.hpp"
#include "session/session.hpp"

namespace proctor::session {

struct SubmitOutcome {
  Session session;                            // after the submission was recorded
  Submission entry;                           // the recorded submission (late ones too)
  bool refused = false;                       // late: stored as evidence, not graded
  std::string refusal;                        // why, for people
  std::optional<runner::GradeResult> result;  // the sample grade; none when refused
};

// The reception time is taken before waiting for the session lock, so a submission received before the
// deadline counts as on time even when another command holds the lock past it.
// Throws runner::UserError for a missing, empty or binary file (nothing is recorded then), or when the
// frozen package was tampered with or grade() refused the submission (recorded, then thrown).
// `received`: when the submission reached Proctor, if earlier than this call (the server queues
// submissions behind running samples; the time the candidate pressed Submit is what counts).
SubmitOutcome submit(const SessionFiles& files, const std::filesystem::path& file, Grader& grader,
                     std::optional<Instant> received = std::nullopt);

}  // namespace proctor::session
