#pragma once
// The built-in checkers, dispatched by check_builtin().
#include <string>

#include "proctor/runner/checker.hpp"

namespace proctor::runner::checkers {

// Kattis default validator semantics ("tokens" and "float").
CheckResult check_tokens(const CheckerSpec& spec, const std::string& answer, const std::string& output);

// Byte for byte ("exact").
CheckResult check_exact(const std::string& answer, const std::string& output);

}  // namespace proctor::runner::checkers
