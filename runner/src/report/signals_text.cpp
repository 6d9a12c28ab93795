// The signals in the plain-text report and on the terminal.
#include "report/complexity_section.hpp"
#include "report/escape.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

void sanitizer_section(std::ostringstream& out, const runner::SanitizerSignal& s) {
  out << "\nSanitizers (address, undefined): " << clean_text(sanitizer_summary(s)) << "\n";
  for (const runner::SanitizerFinding& f : s.findings) {
    out << "  " << clean_text(f.kind) << " at "
        << clean_text(f.location ? location_text(*f.location) : std::string("an unknown line"));
    if (f.location && f.location->origin == runner::CodeOrigin::harness) out << " (the exercise's harness)";
    out << "; " << (f.tests == 1 ? "in " : std::to_string(f.tests) + " tests, first ")
        << clean_text(f.first_test) << "\n";
    if (!f.message.empty()) out << "    " << clean_text(f.message) << "\n";
    for (const runner::SourceLocation& frame : f.stack)
      out << "      at " << clean_text(location_text(frame)) << "\n";
  }
}

void analysis_section(std::ostringstream& out, const runner::StaticSignal& s) {
  out << "\nStatic analysis (gcc -fanalyzer): " << clean_text(analysis_summary(s)) << "\n";
  for (const runner::AnalyzerFinding& f : s.findings) {
    out << "  " << clean_text(location_text(f.location)) << ": " << clean_text(f.message) << " ["
        << clean_text(f.kind) << "]\n";
  }
  for (const runner::WarningGroup& g : s.warnings) {
    out << "  " << g.count << " x " << clean_text(g.option.empty() ? "(no option)" : g.option) << ", line"
        << (g.lines.size() == 1 ? " " : "s ");
    for (std::size_t i = 0; i < g.lines.size(); ++i) out << (i ? ", " : "") << g.lines[i];
    out << "\n";
  }
}

}  // namespace

void signals_text(std::ostringstream& out, const runner::Signals& signals) {
  if (signals.sanitizer) sanitizer_section(out, *signals.sanitizer);
  if (signals.analysis) analysis_section(out, *signals.analysis);
  if (signals.complexity) out << complexity_text(*signals.complexity);
}

}  // namespace proctor::report
