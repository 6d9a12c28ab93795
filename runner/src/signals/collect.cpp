// Runs every signal pass in turn. Nothing here can change the verdict: a pass reads the result, and its
// own failure is recorded in its part as status "failed".
#include "signals/collect.hpp"

#include <exception>

namespace proctor::runner {

namespace {

template <typename Part>
Part guarded(const char* what, Part (*pass)(const SignalContext&), const SignalContext& context) {
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
  signals.analysis = guarded("static analysis", static_pass, context);
  signals.sanitizer = guarded("sanitizer pass", sanitizer_pass, context);
  return signals;
}

}  // namespace proctor::runner
