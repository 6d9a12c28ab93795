// Runs every signal pass in turn. Nothing here can change the verdict: a pass reads the result, and its
// own failure is recorded in its part as status "failed".
#include "signals/collect.hpp"

#include <exception>

namespace proctor::runner {

namespace {

// `Part` is the pass's signal type; the pass may return it or an optional of it (absent: nothing to
// collect for this exercise).
template <typename Part, typename Pass>
auto guarded(const char* what, Pass pass, const SignalContext& context) -> decltype(pass(context)) {
  try {
    return pass(context);
  } catch (const std::exception& e) {
    Part failed;
    failed.status = SignalStatus::failed;
    failed.note = std::string(what) + ": " + e.what();
    return failed;
  }
}

}  // namespace

Signals collect_signals(const SignalContext& context) {
  Signals signals;
  signals.analysis = guarded<StaticSignal>("static analysis", static_pass, context);
  signals.sanitizer = guarded<SanitizerSignal>("sanitizer pass", sanitizer_pass, context);
  // Last: its costs are timed, best with the other passes' compiles finished.
  signals.complexity = guarded<ComplexityEvidence>("complexity pass", complexity_pass, context);
  return signals;
}

}  // namespace proctor::runner
