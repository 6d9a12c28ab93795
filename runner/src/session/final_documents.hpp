#pragma once
// result.json and report.html of a finished session, written together (result first: the report is
// rendered from it). The caller holds the session lock.
#include "proctor/runner/result.hpp"
#include "session/session.hpp"

namespace proctor::session {

void write_final_documents(const SessionFiles& files, const Session& session,
                           const runner::GradeResult& result);

}  // namespace proctor::session
