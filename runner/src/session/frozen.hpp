#pragma once
// The package a session grades against is the copy taken at start (sessions/<id>/package). It is
// checked against the sha256 recorded at start before every grading; the original is only compared, so
// an exercise edited during an interview never changes what the candidate is graded on.
#include <string>

#include "proctor/runner/exercise.hpp"
#include "session/session.hpp"

namespace proctor::session {

// Loads the frozen copy. Throws runner::UserError naming the package directory when the copy itself
// changed since start: grading it would not be the exercise the candidate was given.
runner::Exercise load_frozen_package(const SessionFiles& files, const Session& session);

struct OriginalCheck {
  bool changed = false;
  std::string note;  // e.g. "exercises/x: changed since the session started (sha256 ab12… -> cd34…)"
};

// Compares the original package with the sha256 recorded at start; never throws for a missing or
// broken original (that is a change, reported, not a reason to refuse grading the frozen copy).
OriginalCheck check_original_package(const Session& session);

}  // namespace proctor::session
