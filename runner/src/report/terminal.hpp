#pragma once
// What `proctor grade` and `proctor practice` print for the person at the terminal: the test table,
// diffs of failing samples, warnings, the verdict and the score; colour on request.
#include <string>

#include "report/model.hpp"

namespace proctor::report {

std::string render_terminal(const Model& model, bool color);

}  // namespace proctor::report
