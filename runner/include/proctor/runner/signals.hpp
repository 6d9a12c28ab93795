#pragma once
// Interview signals: what a verdict does not say about a submission. Collected after grading (never
// changing the verdict) when `--signals` asks for them or the exercise makes them part of every session
// (docs/signals.md). Each kind of signal is one optional part; absent means "not collected".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace proctor::runner {

// Whether a signal was collected. `failed` is the judge's problem (a sanitizer build that would not
// link, an analyzer over its limits), never the candidate's, and never changes the verdict.
enum class SignalStatus { ran, skipped, failed };

// Whose code a source line is in: the candidate's file, the exercise's harness (function exercises), or
// neither (the C library, the sanitizer runtime).
enum class CodeOrigin { submission, harness, other };

struct SourceLocation {
  CodeOrigin origin = CodeOrigin::other;
  std::string file;      // as the candidate knows it: "my sol.c" (Submission::name), "harness.c"
  int line = 0;          // 0: unknown
  int column = 0;        // 0: unknown
  std::string function;  // may be empty
};

// One sanitizer finding, de-duplicated by kind and source line over every test that ran.
struct SanitizerFinding {
  std::string tool;     // "address", "undefined", "leak"
  std::string kind;     // "heap-buffer-overflow", "signed-integer-overflow", "memory-leak", ...
  std::string message;  // the sanitizer's headline, addresses removed
  // The first frame in the candidate's code (else the harness's, else the first frame at all).
  std::optional<SourceLocation> location;
  std::vector<SourceLocation> stack;  // the first occurrence's stack, innermost first, bounded
  std::string first_test;             // the test it first appeared in (a name only: never its data)
  std::size_t tests = 1;              // how many tests showed it
};

struct SanitizerSignal {
  SignalStatus status = SignalStatus::skipped;
  std::string note;  // why skipped or failed; what was bounded
  std::uint64_t duration_ms = 0;
  std::size_t tests_run = 0, tests_total = 0;  // tests_run < tests_total: the time budget ran out
  std::vector<SanitizerFinding> findings;
  std::size_t silenced = 0;  // findings of a kind the exercise silences
};

struct AnalyzerFinding {
  std::string kind;  // the warning option, e.g. "-Wanalyzer-double-free"
  SourceLocation location;
  std::string message;
};

// The compiler's warnings of one option (or none), counted.
struct WarningGroup {
  std::string option;  // "-Wunused-variable"; "" for warnings without one
  std::size_t count = 0;
  std::vector<int> lines;  // sorted, distinct
};

struct StaticSignal {
  SignalStatus status = SignalStatus::skipped;
  std::string note;
  std::uint64_t duration_ms = 0;
  std::vector<AnalyzerFinding> findings;  // gcc -fanalyzer
  std::vector<WarningGroup> warnings;     // the grading compile's warnings, grouped by option
  std::size_t silenced = 0;               // findings and warnings of a kind the exercise silences
};

// --- Complexity evidence: the submission and the reference run on a scaling family (inputs of growing
// size n, declared in generators/generators.yaml), a cost per size, and how it grows.

enum class GrowthModel { constant, log_n, n, n_log_n, n2, n3 };  // in order of growth

struct GrowthFit {
  double exponent = 0;                 // least-squares slope of log(cost) against log(n)
  GrowthModel model = GrowthModel::n;  // the closest model, fitted as cost = startup + scale·f(n)
  double startup = 0;                  // in the cost's unit
  double scale = 0;
  double relative_error = 0;  // root mean square of (model - cost) / cost over the sizes
};

// One size of the family: the least of the repeated runs' costs, or why there is none.
struct ScalingPoint {
  std::uint64_t n = 0;
  std::optional<double> cost;          // the least sample, in ComplexityEvidence::unit
  std::vector<std::uint64_t> samples;  // every run's cost
  std::string failure;                 // "TLE: ...", "skipped after a TLE at n=4000", "skipped: ..."
};

struct ScalingCurve {
  std::string solution;  // "submission", or the reference's path in the package ("accepted/ref.c")
  std::vector<ScalingPoint> points;
  std::optional<GrowthFit> fit;  // nullopt with fewer than three measured sizes
};

// Absent from Signals when the exercise declares no scaling family. `failed`: a package problem (the
// inputs not generated, a reference that does not compile), with no curves; `skipped`: the submission
// did not compile.
struct ComplexityEvidence {
  SignalStatus status = SignalStatus::ran;
  std::string note;             // why skipped or failed; what was bounded
  std::string unit;             // "instructions", "task-clock-ns" or "cpu-time-us" (sandbox::Cost::Unit)
  std::string fallback_reason;  // why not instructions, when the unit is CPU time
  unsigned repeat = 0;          // interleaved runs per size (cheap sizes get more; the least is kept)
  ScalingCurve candidate, reference;
  std::string sentence;           // "The submission's cost grows like n^1.9 (closest model n^2); ..."
  bool grows_faster = false;      // the submission's growth is clearly steeper than the reference's
  std::uint64_t duration_ms = 0;  // wall time of the whole pass
};

struct Signals {
  std::optional<SanitizerSignal> sanitizer;
  std::optional<StaticSignal> analysis;
  std::optional<ComplexityEvidence> complexity;
  // A further kind of signal adds an optional member here, a pass in runner/src/signals/, a JSON part
  // in runner/src/result/ and a section in runner/src/report/signals_*.cpp.
};

const char* to_string(SignalStatus status);
std::optional<SignalStatus> signal_status_from_string(const std::string& s);
const char* to_string(CodeOrigin origin);
std::optional<CodeOrigin> code_origin_from_string(const std::string& s);
const char* to_string(GrowthModel model);  // "1", "log n", "n", "n log n", "n^2", "n^3"
std::optional<GrowthModel> growth_model_from_string(const std::string& text);

}  // namespace proctor::runner
