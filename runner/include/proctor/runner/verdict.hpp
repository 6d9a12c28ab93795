#pragma once
// Verdicts and compile statuses as types. Their spelling ("AC", "CE", ...) exists only here and in the
// result document (docs/result.schema.json).
#include <optional>
#include <string_view>

namespace proctor::runner {

enum class Verdict {
  AC,       // accepted
  WA,       // wrong answer
  TLE,      // time limit exceeded (CPU or wall)
  MLE,      // memory limit exceeded
  RTE,      // run-time error: non-zero exit or a signal
  OLE,      // output limit exceeded
  SV,       // security violation: a forbidden system call
  CE,       // compilation error (overall only)
  JE,       // judge error: Proctor's fault, never the candidate's
  NS,       // no submission: a session ended without an on-time submission (overall only)
  skipped,  // a test that did not run (after CE, JE or --fail-fast)
};

std::string_view to_string(Verdict verdict);
std::optional<Verdict> verdict_from_string(std::string_view text);
// "Accepted", "Wrong answer", ...
std::string_view verdict_label(Verdict verdict);

// How compiling the submission ended. Today's grader writes OK, CE or JE; the schema also allows the
// limit statuses, which results written elsewhere may carry.
enum class CompileStatus { OK, CE, TLE, MLE, OLE, RTE, SV, JE };

std::string_view to_string(CompileStatus status);
std::optional<CompileStatus> compile_status_from_string(std::string_view text);

}  // namespace proctor::runner
