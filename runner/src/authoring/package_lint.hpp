#pragma once
// Checks on what an author wrote rather than on how submissions run: the statement's examples against
// data/sample, placeholders left from `exercise new`, the id against the directory name.
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"

namespace proctor::authoring {

struct LintFindings {
  std::vector<std::string> problems;
  std::vector<std::string> notes;
};

LintFindings lint_package(const runner::Exercise& exercise);

}  // namespace proctor::authoring
