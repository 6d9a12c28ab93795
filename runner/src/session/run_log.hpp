#pragma once
// The one home of sessions/<id>/runs.jsonl: every run a candidate makes, one JSON object per line.
// Appending (not temp + rename) keeps a busy session's record O(1) per run; a line torn by a crash, or
// one that does not read as a run, is skipped when read, and losing the last run of a crash loses no
// candidate work (drafts and submissions are stored on their own).
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "proctor/runner/run_record.hpp"
#include "session/paths.hpp"

namespace proctor::session {

nlohmann::json to_json(const runner::RunRecord& run);
// nullopt when `j` is not a run as to_json writes it.
std::optional<runner::RunRecord> run_from_json(const nlohmann::json& j);

// One line, one write(2) in O_APPEND mode. Throws InternalError when the file cannot be written.
void append_run(const SessionFiles& files, const runner::RunRecord& run);
// In the order they were made; none when the file does not exist.
std::vector<runner::RunRecord> read_runs(const SessionFiles& files);

}  // namespace proctor::session
