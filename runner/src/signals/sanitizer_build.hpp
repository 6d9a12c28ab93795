#pragma once
// The submission rebuilt with -fsanitize=address,undefined in the compile sandbox (with a function
// exercise's harness, rebuilt the same way), dynamically linked: the sanitizer runtimes exist only as
// shared libraries for GCC (`-static` and `-fsanitize=address` do not combine).
#include <filesystem>
#include <string>

#include "signals/collect.hpp"

namespace proctor::runner {

struct SanitizerBuild {
  std::filesystem::path program;  // empty when the build failed
  std::string error;              // why, for the signal's note
};

SanitizerBuild build_sanitized(const SignalContext& context, const std::filesystem::path& dir);

// The flags the sanitized build adds to the exercise's own (docs/signals.md).
const std::vector<std::string>& sanitizer_flags();

}  // namespace proctor::runner
