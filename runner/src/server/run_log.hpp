#pragma once
// Every sample run and custom-input run a candidate makes, kept for the interviewer (live view, dashboard,
// playback timeline) in sessions/<id>/runs.jsonl, one JSON object per line. Runs are never submissions
// and grade nothing: this is a record of what the candidate tried, not part of the session's state.
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "proctor/runner/verdict.hpp"
#include "proctor/sandbox/run_report.hpp"
#include "session/clock.hpp"
#include "session/paths.hpp"

namespace proctor::server {

enum class RunKind { samples, input };

struct RunRecord {
  session::Instant at{};  // when the run was asked for
  RunKind kind = RunKind::samples;
  int draft = 0;  // the draft holding the source that ran (0: none)
  runner::CompileStatus compile_status = runner::CompileStatus::OK;
  std::optional<runner::Verdict> verdict;  // samples: the sample verdict
  std::optional<int> sample_passed, sample_total;
  std::vector<std::pair<std::string, runner::Verdict>> tests;  // samples: (name, verdict)
  std::optional<sandbox::Status> status;  // input: how the program ended; none: it did not run (CE)
};

nlohmann::json to_json(const RunRecord& r);

class RunLog {
 public:
  // Appends one line. A line torn by a crash is skipped when read; appending (not temp + rename) keeps a
  // busy session's record O(1) per run, and losing the last run of a crash loses no candidate work.
  void append(const session::SessionFiles& files, const RunRecord& record);
  std::vector<nlohmann::json> read(const session::SessionFiles& files) const;

 private:
  mutable std::mutex mutex_;
};

}  // namespace proctor::server
