#pragma once
// The interview signals of a finished session, digested for the interviewer's live view: one summary
// per kind (the report's own words) and its first few findings, so the interviewer sees them where
// they watched the session, before opening the full report.
#include <nlohmann/json.hpp>

#include "proctor/runner/signals.hpp"

namespace proctor::server {

// [{"kind": "sanitizer"|"analysis"|"complexity", "title", "summary", "items": [..], "notable": bool}]
nlohmann::json signals_digest(const runner::Signals& signals);

}  // namespace proctor::server
