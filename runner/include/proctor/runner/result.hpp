#pragma once
// The typed grading result: what grade() returns and what sessions, reports and the CLI consume. JSON
// exists only where a result is written or read (result_json.hpp, docs/result.schema.json).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/instant.hpp"
#include "proctor/runner/signals.hpp"
#include "proctor/runner/verdict.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::runner {

inline constexpr const char* kResultSchema = "proctor-result/1";

// The start of a text the candidate may see: a sample's input, or what their program printed. Valid
// UTF-8 (invalid bytes replaced by U+FFFD), never a character cut in half, bounded (kExcerptBytes).
struct Excerpt {
  std::string text;
  std::uint64_t bytes = 0;  // the whole original's size in bytes
  bool truncated = false;   // `text` is only the start of the original
};

inline constexpr std::size_t kExcerptBytes = 1024;     // stdout, stderr and input excerpts
inline constexpr std::size_t kInputExcerptLines = 10;  // a sample's input: its first lines

// A measured time. Runs measure microseconds; a result written before they were recorded holds only
// whole milliseconds (floored), and keeps saying so: nothing shows precision that was never measured.
class Elapsed {
 public:
  Elapsed() = default;
  static Elapsed from_us(std::uint64_t us) { return Elapsed(sandbox::whole_ms(us), us); }
  static Elapsed from_floored_ms(std::uint64_t ms) { return Elapsed(ms, std::nullopt); }
  std::uint64_t ms() const { return ms_; }                 // floored: what time_ms/wall_ms hold
  std::optional<std::uint64_t> us() const { return us_; }  // none: an old result
  bool operator==(const Elapsed&) const = default;

 private:
  Elapsed(std::uint64_t ms, std::optional<std::uint64_t> us) : ms_(ms), us_(us) {}
  std::uint64_t ms_ = 0;
  std::optional<std::uint64_t> us_ = 0;
};

struct TestResult {
  std::string name;   // "sample/1", "secret/group1/03"
  std::string group;  // "sample", "secret", "secret/group1"
  Visibility visibility = Visibility::secret;
  Verdict verdict = Verdict::skipped;
  Elapsed time, wall;  // CPU (user + system) and wall time
  std::uint64_t memory_kb = 0;
  std::optional<int> exit_code, signal;
  std::optional<std::string> violation;
  std::string message;
  std::string description;          // the package's description of the test; empty: none
  std::optional<std::string> diff;  // samples only: a secret test never carries its data
  // Samples only, and only for a sample that ran and failed (any verdict but AC): what the candidate
  // needs to see why. The sample's first lines, and the start of the program's stdout and stderr.
  std::optional<Excerpt> input, stdout_excerpt, stderr_excerpt;
};

struct CompileWarning {
  std::string file;  // the submission's name as the compiler gave it (Submission::name); empty in old results
  int line = 0;
  int column = 0;
  std::string message;
  std::optional<std::string> option;  // e.g. "-Wunused-variable"
};

struct CompileResult {
  CompileStatus status = CompileStatus::JE;
  std::uint64_t duration_ms = 0;
  std::vector<std::string> command;
  std::string output;  // diagnostics, bounded
  std::vector<CompileWarning> warnings;
};

struct Score {
  std::size_t passed = 0, total = 0;
  double points = 0, max_points = 0;
};

struct ExerciseInfo {
  std::string id, title, path, sha256;
};

struct SubmissionInfo {
  std::string path, sha256;
  std::uint64_t bytes = 0;
};

struct LimitsInfo {
  std::uint64_t time_ms = 0, wall_ms = 0, memory_mb = 0, output_kb = 0;
};

struct RunnerInfo {
  std::string version, compiler;
};

// One submission in a session's timeline; sample figures are absent when it was not graded.
struct TimelineEntry {
  int n = 0;
  Instant submitted_at{};
  std::string sha256;
  bool late = false;
  std::optional<int> sample_passed, sample_total;
  std::optional<Verdict> verdict;
};

// What the interviewer did to a session (docs/sessions.md, "Events"): kept in session.json's "events"
// and copied into a result's session block, so the report shows them.
// "extend": the deadline moved later by `amount`.
struct TimeExtended {
  std::chrono::milliseconds amount{0};
  Instant old_deadline{}, new_deadline{};
};

// "note": private to the interviewer; never shown to the candidate.
struct NoteAdded {
  std::string text;
};

// "grade": a finish or a re-grade, on all tests.
struct Graded {
  std::optional<int> submission;  // none: no on-time submission, nothing was graded (verdict NS)
  bool chosen = false;            // picked by the interviewer (--submission), not the default
  bool regrade = false;           // the session was already finished
  Verdict verdict = Verdict::JE;
  Score score;
  std::vector<std::string> warnings;  // about the choice: a broken last submission, later drafts
};

struct SessionEvent {
  Instant at{};
  std::string by;  // who: the interviewer's login name (CLI), a name given to the server, "deadline"
  std::variant<TimeExtended, NoteAdded, Graded> what;
};

// "extend", "note" or "grade", as stored in "type".
std::string_view event_type(const SessionEvent& event);

// The `session` block of a session's result (docs/sessions.md).
struct SessionRecord {
  std::string id, candidate;
  Instant started_at{}, deadline{};
  std::optional<Instant> finished_at;
  std::string finished_by;  // "deadline" | "interviewer" | "" (open)
  bool package_changed = false;
  std::vector<TimelineEntry> timeline;
  std::vector<SessionEvent> events;  // oldest first
};

struct GradeResult {
  Verdict verdict = Verdict::JE;
  Score score;
  ExerciseInfo exercise;
  SubmissionInfo submission;
  CompileResult compile;
  std::vector<TestResult> tests;
  LimitsInfo limits;
  sandbox::Layers layers;  // really active for the runs, or planned when nothing ran
  RunnerInfo runner;
  Instant started_at{}, finished_at{};
  std::optional<std::string> error;  // for JE: what failed in the judge
  std::optional<SessionRecord> session;
  std::optional<Signals> signals;  // collected only when asked (GradeOptions::signals)
};

// The overall verdict from its parts: CE when the submission did not compile, JE when the judge
// failed anywhere, else the first test (in order) that is neither AC nor skipped, else AC.
Verdict overall_verdict(CompileStatus compile, bool judge_error, const std::vector<TestResult>& tests);

// The sample tests' figures for a session timeline: passed among the samples, and how many there are.
struct SampleCount {
  int passed = 0, total = 0;
};
SampleCount count_samples(const GradeResult& result);

// A submission that passed every sample, on time (and there was at least one sample): the rule behind
// the report's "first passing submission" and the graded-choice warning about an earlier one.
bool passed_every_sample(bool late, std::optional<int> passed, std::optional<int> total);

}  // namespace proctor::runner
