#pragma once
// The interview signals' sections of every report format (docs/signals.md). Each format's renderer
// calls one function; each kind of signal is one section inside it. Strings from the result are
// untrusted and escaped here like everywhere else in the reports.
#include <sstream>

#include "proctor/runner/signals.hpp"

namespace proctor::report {

void signals_text(std::ostringstream& out, const runner::Signals& signals);  // text and terminal
void signals_markdown(std::ostringstream& out, const runner::Signals& signals);
void signals_html(std::ostringstream& out, const runner::Signals& signals);

// Shared wording, identical in every format.
std::string location_text(const runner::SourceLocation& location);  // "my sol.c:12:9 in sum()"
std::string sanitizer_summary(const runner::SanitizerSignal& s);    // "2 findings on 5 of 5 tests, 1.2 s"
std::string analysis_summary(const runner::StaticSignal& s);        // "1 finding, 3 warnings in 2 kinds"

}  // namespace proctor::report
