#pragma once
// The report's session extras (report/extras.hpp) read from a session directory: every submission's
// source, the drafts and the runs. Used when finish writes report.html and when `proctor report` is
// given a result.json that sits in its session's directory.
#include <filesystem>
#include <optional>

#include "proctor/runner/result.hpp"
#include "report/extras.hpp"
#include "session/session.hpp"

namespace proctor::session {

report::SessionExtras report_extras(const SessionFiles& files, const Session& session);

// For `proctor report RESULT.json`: the extras when the result's directory holds the session it names
// (session.json with the same id); nothing otherwise (a result copied elsewhere).
std::optional<report::SessionExtras> extras_beside(const std::filesystem::path& result_file,
                                                   const runner::GradeResult& result);

}  // namespace proctor::session
