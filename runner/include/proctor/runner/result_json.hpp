#pragma once
// The result document (docs/result.schema.json, "proctor-result/1"): the one writer and the one reader
// of GradeResult. Every string is written as valid UTF-8 (invalid bytes become U+FFFD), so a document
// can always be serialised, whatever the compiler or the candidate's program printed.
#include <nlohmann/json.hpp>

#include "proctor/runner/custom_run.hpp"
#include "proctor/runner/result.hpp"

namespace proctor::runner {

nlohmann::json to_json(const GradeResult& result);

// Reads a document written by to_json (or an older Proctor of the same schema). Throws UserError
// naming the field, e.g. "not a Proctor result: tests[2].verdict: unknown verdict 'XX'".
GradeResult result_from_json(const nlohmann::json& document);

// Parts that other documents embed (session files, `session submit --json`).
nlohmann::json to_json(const TestResult& test);
nlohmann::json to_json(const CompileResult& compile);
nlohmann::json to_json(const Score& score);
nlohmann::json to_json(const TimelineEntry& entry);
nlohmann::json to_json(const SessionRecord& session);
// A run on the candidate's own input ("proctor-run/1", docs/practice.md): written, never read back.
nlohmann::json to_json(const CustomRunResult& run);

Score score_from_json(const nlohmann::json& score);  // throws like result_from_json

// One session event as session.json and a result's session block store it (docs/sessions.md, "Events").
nlohmann::json to_json(const SessionEvent& event);
// Throws UserError naming `where` (e.g. "session.events[3]") and the problem.
SessionEvent event_from_json(const nlohmann::json& event, const std::string& where);

}  // namespace proctor::runner
