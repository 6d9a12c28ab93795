#pragma once
// The result of a session that ended without a single on-time submission. Documented choice
// (docs/sessions.md): its own verdict "NS" (not CE: nothing failed to compile), every test counted as
// failed, compile.output "no submission", no test run, so the document keeps the ordinary result schema.
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"
#include "session/session.hpp"

namespace proctor::session {

runner::GradeResult no_submission_result(const runner::Exercise& exercise, Instant started, Instant finished);

}  // namespace proctor::session
