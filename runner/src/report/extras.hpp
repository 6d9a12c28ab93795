#pragma once
// What a session's report shows beyond its result document, read from the session directory by the
// session layer (session/report_extras.hpp): every submission's source (the graded one listed, the others
// diffed), the drafts and the runs. A report rendered without them (a result copied elsewhere) shows
// everything else.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/instant.hpp"
#include "proctor/runner/run_record.hpp"
#include "proctor/runner/verdict.hpp"

namespace proctor::report {

struct SourceVersion {
  int n = 0;
  Instant at{};
  bool late = false;
  std::string text;  // the snapshot's bytes (bounded by the submission limit)
};

struct DraftMark {
  int n = 0;
  Instant at{};
  std::uint64_t bytes = 0;
};

struct SessionExtras {
  std::vector<SourceVersion> submissions;  // in submission order
  std::vector<DraftMark> drafts;
  std::vector<runner::RunRecord> runs;
};

}  // namespace proctor::report
