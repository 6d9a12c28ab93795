#pragma once
// The complexity evidence's section of the report, in each format: the sentence, a table of cost per
// size for both curves, and (HTML) the inline SVG plot.
#include <string>

#include "proctor/runner/signals.hpp"

namespace proctor::report {

std::string complexity_text(const runner::ComplexityEvidence& evidence);
std::string complexity_markdown(const runner::ComplexityEvidence& evidence);
std::string complexity_html(const runner::ComplexityEvidence& evidence);

}  // namespace proctor::report
