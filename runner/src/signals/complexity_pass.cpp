// The complexity pass: the graded binary and the package's reference measured on the exercise's
// scaling family (runner/src/complexity/, docs/signals.md). Absent when the exercise declares none.
#include "complexity/scaling_run.hpp"
#include "package/generators_manifest.hpp"
#include "proctor/runner/error.hpp"
#include "signals/collect.hpp"

namespace proctor::runner {

std::optional<ComplexityEvidence> complexity_pass(const SignalContext& c) {
  if (c.result->compile.status != CompileStatus::OK || c.program.empty()) {
    // Nothing to measure; a malformed family is the package's problem and measure_complexity says so.
    bool declared = true;
    try {
      declared = runner::package::read_scaling_family(c.exercise->root).has_value();
    } catch (const UserError&) {
    }
    if (!declared) return std::nullopt;
    ComplexityEvidence skipped;
    skipped.status = SignalStatus::skipped;
    skipped.note = "the submission did not compile";
    return skipped;
  }
  return measure_complexity(*c.sandbox, *c.exercise, c.program, c.work_dir / "complexity");
}

}  // namespace proctor::runner
