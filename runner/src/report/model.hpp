#pragma once
// What a report shows, derived from a typed result (with or without a session block); the renderers
// only deal with this view. Figures shared by every format (timeline, first pass) are computed here.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "proctor/runner/result.hpp"
#include "proctor/runner/run_record.hpp"
#include "report/extras.hpp"

namespace proctor::report {

using runner::CompileStatus;
using runner::Verdict;

struct TestRow {
  std::string name, group, visibility, message, violation;
  std::string description;  // the package's, when it gives one
  Verdict verdict = Verdict::skipped;
  std::optional<runner::Elapsed> time, wall;  // none: the test did not run (skipped)
  std::optional<std::uint64_t> memory_kb;
  std::optional<int> exit_code, signal;
  std::vector<std::pair<std::string, std::string>> diff;  // labelled parts (samples only)
  // A failing sample's input and the start of the program's stdout and stderr (samples only).
  std::optional<runner::Excerpt> input, stdout_excerpt, stderr_excerpt;
};

struct WarningRow {
  std::string file;  // empty: a result from before warnings named their file
  std::optional<int> line, column;
  std::string message, option;
};

struct TimelineRow {
  int n = 0;
  Instant submitted_at{};
  std::optional<long long> offset_ms;  // since the session started
  bool late = false;
  std::optional<int> sample_passed, sample_total;
  std::optional<Verdict> verdict;  // none: not graded
  std::string sha256;
};

// A test group's subtotal (sample, secret, secret/<dir>): Codility's correctness / performance split
// when a package groups its tests that way.
struct GroupRow {
  std::string group;
  int passed = 0, total = 0;
};

// One line of the session's timeline, oldest first.
struct TimelineItem {
  enum class Kind { start, draft, run, submission, extend, note, grade, finish } kind = Kind::start;
  Instant at{};
  long long offset_ms = 0;  // since the start
  std::string by;           // extend, note, grade
  std::string text;         // note: its text; grade: the warnings joined
  int n = 0;                // draft, submission, grade (0: no submission)
  bool late = false, chosen = false, regrade = false;
  std::optional<Verdict> verdict;
  std::optional<int> sample_passed, sample_total;
  std::optional<long long> amount_ms;    // extend
  std::optional<Instant> new_deadline;   // extend
  std::uint64_t bytes = 0;               // draft
  std::optional<runner::RunRecord> run;  // run
};

struct SessionView {
  std::string id, candidate, finished_by;
  Instant started_at{}, deadline{};
  std::optional<Instant> finished_at;
  std::optional<long long> length_ms;    // deadline - started_at
  std::optional<long long> finished_ms;  // finished_at - started_at
  bool package_changed = false;
  std::vector<TimelineRow> timeline;
  int on_time = 0, late = 0;
  std::optional<long long> first_pass_ms;  // first submission passing every sample
  std::optional<int> first_pass_n;
  std::vector<TimelineItem> items;  // everything, drafts and runs included when known
  std::optional<int> graded;        // the submission the result is for (latest grading); none: NS
  bool graded_known = false;        // false: a result without gradings recorded
  bool chosen = false;              // the interviewer picked it
  std::string graded_by;
  std::vector<std::string> warnings;     // about the choice
  std::optional<long long> extended_ms;  // total extensions
};

struct Model {
  Verdict verdict = Verdict::JE;
  std::string verdict_label;
  std::optional<double> passed, total, points, max_points;
  std::string exercise_id, exercise_title, exercise_path, exercise_sha256;
  std::string submission_path, submission_sha256;
  std::optional<std::uint64_t> submission_bytes;
  CompileStatus compile_status = CompileStatus::JE;
  std::string compile_output, compile_command;
  std::optional<std::uint64_t> compile_ms;
  std::vector<WarningRow> warnings;
  std::vector<TestRow> tests;
  std::vector<std::pair<std::string, std::string>> limits;   // label, value
  std::vector<std::pair<std::string, std::string>> sandbox;  // layer, state
  std::vector<bool> sandbox_ok;                              // parallel to sandbox: active?
  std::string runner_version, compiler;
  Instant started_at{}, finished_at{};
  std::string error;  // for JE: what failed in the judge
  std::optional<SessionView> session;
  std::optional<runner::Signals> signals;  // rendered by report/signals_*.cpp
  std::vector<GroupRow> groups;
  std::optional<SessionExtras> extras;
  // The graded source, when the extras hold it.
  const SourceVersion* graded_source() const;
};

Model build_model(const runner::GradeResult& result, const SessionExtras* extras = nullptr);

// Shared formatting, identical in every format.
std::string verdict_text(Verdict verdict);                 // "AC"
std::string verdict_text(std::optional<Verdict> verdict);  // "" when not graded
std::string compile_status_text(CompileStatus status);     // "OK"
std::string format_ms(std::optional<std::uint64_t> ms);    // "999 ms", "12.3 s", "-"
// A measured time: "0.42 ms", "3.1 ms", "999 ms", "12.3 s" (text::format_time_us); "<1 ms" from an old
// result that holds only whole milliseconds; "-" when nothing ran.
std::string format_time(const std::optional<runner::Elapsed>& time);
std::string format_kb(std::optional<std::uint64_t> kb);  // "812 KiB", "1.5 MiB", "-"
std::string format_offset(std::optional<long long> ms);  // "+12:05" (rounded down; status uses it too)
std::string format_number(std::optional<double> v);      // 3, 2.5, "?"
// "2025-03-01 09:30:00 UTC"; "" for no instant.
std::string format_timestamp(std::optional<Instant> when);

}  // namespace proctor::report
