#pragma once
// One run a candidate made during a session: the samples, or their own input. Runs grade nothing; they
// are the record of what the candidate tried, for the interviewer's live view, the history and the
// report. Stored one per line in sessions/<id>/runs.jsonl, written and read only by
// session/run_log.cpp.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "proctor/runner/instant.hpp"
#include "proctor/runner/verdict.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::runner {

enum class RunKind { samples, input };

struct RunRecord {
  Instant at{};  // when the run was asked for
  RunKind kind = RunKind::samples;
  int draft = 0;  // the draft holding the source that ran (0: none)
  CompileStatus compile = CompileStatus::OK;
  std::optional<Verdict> verdict;  // samples: the sample verdict
  std::optional<int> sample_passed, sample_total;
  std::vector<std::pair<std::string, Verdict>> tests;  // samples: (name, verdict)
  std::optional<sandbox::Status> status;               // input: how the program ended; none: it did not run
};

}  // namespace proctor::runner
