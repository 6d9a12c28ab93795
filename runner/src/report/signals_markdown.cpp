// The signals in the Markdown report.
#include "report/complexity_section.hpp"
#include "report/escape.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

void sanitizer_section(std::ostringstream& out, const runner::SanitizerSignal& s) {
  out << "\n### Sanitizers (address, undefined)\n\n" << md_inline(sanitizer_summary(s)) << "\n";
  if (s.findings.empty()) return;
  out << "\n| Kind | Where | Tests | Message |\n|---|---|---|---|\n";
  for (const runner::SanitizerFinding& f : s.findings) {
    std::string where = f.location ? location_text(*f.location) : "unknown";
    if (f.location && f.location->origin == runner::CodeOrigin::harness) where += " (harness)";
    out << "| " << md_inline(f.kind) << " | " << md_inline(where) << " | " << f.tests << " (first "
        << md_inline(f.first_test) << ") | " << md_inline(f.message) << " |\n";
  }
  for (const runner::SanitizerFinding& f : s.findings) {
    if (f.stack.empty()) continue;
    std::string stack;
    for (const runner::SourceLocation& frame : f.stack) stack += location_text(frame) + "\n";
    // The summary names the finding's place too (two leaks would otherwise read the same), and is raw
    // HTML to a renderer: entities, not Markdown's backslashes, which would show.
    std::string summary = f.kind;
    if (f.location) summary += " at " + location_text(*f.location);
    out << "\n<details><summary>" << html_escape(summary) << ": stack</summary>\n\n"
        << md_code_block(stack) << "\n</details>\n";
  }
}

void analysis_section(std::ostringstream& out, const runner::StaticSignal& s) {
  out << "\n### Static analysis (gcc -fanalyzer)\n\n" << md_inline(analysis_summary(s)) << "\n";
  if (!s.findings.empty()) {
    out << "\n| Where | Finding | Kind |\n|---|---|---|\n";
    for (const runner::AnalyzerFinding& f : s.findings) {
      out << "| " << md_inline(location_text(f.location)) << " | " << md_inline(f.message) << " | "
          << md_inline(f.kind) << " |\n";
    }
  }
  if (!s.warnings.empty()) {
    out << "\n| Warning | Count | Lines |\n|---|---:|---|\n";
    for (const runner::WarningGroup& g : s.warnings) {
      std::string lines;
      for (std::size_t i = 0; i < g.lines.size(); ++i) lines += (i ? ", " : "") + std::to_string(g.lines[i]);
      out << "| " << md_inline(g.option.empty() ? "(no option)" : g.option) << " | " << g.count << " | "
          << lines << " |\n";
    }
  }
}

}  // namespace

void signals_markdown(std::ostringstream& out, const runner::Signals& signals) {
  if (!signals.sanitizer && !signals.analysis && !signals.complexity) return;
  out << "\n## Signals\n";
  if (signals.sanitizer) sanitizer_section(out, *signals.sanitizer);
  if (signals.analysis) analysis_section(out, *signals.analysis);
  if (signals.complexity) out << complexity_markdown(*signals.complexity);
}

}  // namespace proctor::report
