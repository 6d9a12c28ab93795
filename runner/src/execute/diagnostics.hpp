#pragma once
// gcc diagnostics -> warnings[] of the result.
#include <string>
#include <vector>

#include "proctor/runner/result.hpp"

namespace proctor::runner {

// Warnings about `file` (the name the compiler saw, any characters) in gcc's output; notes and other
// files are skipped.
std::vector<CompileWarning> parse_warnings(const std::string& output, const std::string& file);

}  // namespace proctor::runner
