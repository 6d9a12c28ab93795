#pragma once
// The complexity evidence as a small self-contained SVG: cost against n on log-log axes (a straight
// line's slope is the exponent), the reference beside the submission. No script, font or external
// reference: it is inlined into the HTML report as it is.
#include <string>

#include "proctor/runner/signals.hpp"

namespace proctor::runner {

// Empty when neither curve has a measured point.
std::string growth_plot_svg(const ComplexityEvidence& evidence);

// "12.3 ms", "4.5M instr": a cost in its unit, short, for axes and tables.
std::string format_cost(double cost, const std::string& unit);

}  // namespace proctor::runner
