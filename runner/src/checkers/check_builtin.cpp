#include "checkers/checkers.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::runner {

CheckResult check_builtin(const CheckerSpec& spec, const std::string& answer, const std::string& output) {
  if (spec.type == "tokens" || spec.type == "float") return checkers::check_tokens(spec, answer, output);
  if (spec.type == "exact") return checkers::check_exact(answer, output);
  // "custom" lands here too: it runs an output validator in the sandbox, not in-process.
  throw UserError("checker type \"" + spec.type + "\" is not a built-in checker (tokens, exact, float)");
}

}  // namespace proctor::runner
