#pragma once
// The complexity pass: the compiled submission and the package's reference run on every size of the
// scaling family, interleaved (so both see the same machine load), `repeat` times each and more for
// cheap sizes; the least cost per size; the growth of both curves fitted and compared.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/signals.hpp"
#include "proctor/sandbox/policy.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

struct ComplexityOptions {
  // Instructions where the machine counts them (stable under load), CPU time otherwise; the evidence
  // records which. task_clock exists for tests of the counter path on machines without a PMU.
  sandbox::CostMeasure measure = sandbox::CostMeasure::instructions;
  std::optional<unsigned> repeat;  // overrides the family's (the interleaved rounds before any top-up)
  // No run starts once the pass has taken this much wall time (the reference's compile included): the
  // sizes not reached are marked skipped on both curves, and the note says so. A run already started
  // ends by its own limits.
  std::uint64_t budget_ms = 20'000;
};

// nullopt when the exercise declares no scaling family. Never throws for the candidate's behaviour: a
// program that fails at some size ends its curve there (the point says why). A package problem (the
// inputs not generated, a reference that does not compile) comes back as status `failed` with a note,
// and no curves.
// `candidate`: the submission, compiled as for the tests; `scratch`: a private directory of the caller.
std::optional<ComplexityEvidence> measure_complexity(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                                     const std::filesystem::path& candidate,
                                                     const std::filesystem::path& scratch,
                                                     const ComplexityOptions& options = {});

}  // namespace proctor::runner
