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
  std::string file;      // as the candidate knows it: "submission.c", "harness.c"
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

struct Signals {
  std::optional<SanitizerSignal> sanitizer;
  std::optional<StaticSignal> analysis;
  // Further kinds of signal (complexity evidence) add an optional member here, a JSON part in
  // runner/src/result/signals_json.cpp and a section in runner/src/report/signals_*.cpp.
};

const char* to_string(SignalStatus status);
std::optional<SignalStatus> signal_status_from_string(const std::string& s);
const char* to_string(CodeOrigin origin);
std::optional<CodeOrigin> code_origin_from_string(const std::string& s);

}  // namespace proctor::runner
