#pragma once
// gcc diagnostics -> warnings[] of the result.
#include <optional>
#include <string>
#include <vector>

namespace proctor::runner {

struct Warning {
  int line = 0;
  int column = 0;
  std::string message;
  std::optional<std::string> option;  // e.g. "-Wunused-variable"
};

// Warnings about `file` (the name the compiler saw) in gcc's output; notes and other files are skipped.
std::vector<Warning> parse_warnings(const std::string& output, const std::string& file);

}  // namespace proctor::runner
