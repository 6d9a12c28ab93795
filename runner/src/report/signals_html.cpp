// The signals in the HTML report (styles from html_style.hpp's classes: tag, num, off).
#include "report/complexity_section.hpp"
#include "report/escape.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

std::string esc(const std::string& s) {
  return html_escape(s);
}

void sanitizer_section(std::ostringstream& out, const runner::SanitizerSignal& s) {
  out << "<h3>Sanitizers (address, undefined)</h3><p>" << esc(sanitizer_summary(s)) << "</p>";
  if (s.findings.empty()) return;
  out << "<table><tr><th>Kind</th><th>Where</th><th class=\"num\">Tests</th><th>Message</th></tr>";
  for (const runner::SanitizerFinding& f : s.findings) {
    const bool harness = f.location && f.location->origin == runner::CodeOrigin::harness;
    out << "<tr><td class=\"tag\">" << esc(f.kind) << "</td><td>"
        << esc(f.location ? location_text(*f.location) : "unknown") << (harness ? " (harness)" : "")
        << "</td><td class=\"num\">" << f.tests << "</td><td>" << esc(f.message)
        << " <span class=\"tag\">first in " << esc(f.first_test) << "</span>";
    if (!f.stack.empty()) {
      out << "<details><summary>stack</summary><pre>";
      for (const runner::SourceLocation& frame : f.stack) out << esc(location_text(frame)) << "\n";
      out << "</pre></details>";
    }
    out << "</td></tr>";
  }
  out << "</table>";
}

void analysis_section(std::ostringstream& out, const runner::StaticSignal& s) {
  out << "<h3>Static analysis (gcc -fanalyzer)</h3><p>" << esc(analysis_summary(s)) << "</p>";
  if (!s.findings.empty()) {
    out << "<table><tr><th>Where</th><th>Finding</th><th>Kind</th></tr>";
    for (const runner::AnalyzerFinding& f : s.findings) {
      out << "<tr><td>" << esc(location_text(f.location)) << "</td><td>" << esc(f.message)
          << "</td><td class=\"tag\">" << esc(f.kind) << "</td></tr>";
    }
    out << "</table>";
  }
  if (!s.warnings.empty()) {
    out << "<table><tr><th>Warning</th><th class=\"num\">Count</th><th>Lines</th></tr>";
    for (const runner::WarningGroup& g : s.warnings) {
      std::string lines;
      for (std::size_t i = 0; i < g.lines.size(); ++i) lines += (i ? ", " : "") + std::to_string(g.lines[i]);
      out << "<tr><td class=\"tag\">" << esc(g.option.empty() ? "(no option)" : g.option)
          << "</td><td class=\"num\">" << g.count << "</td><td>" << lines << "</td></tr>";
    }
    out << "</table>";
  }
}

}  // namespace

void signals_html(std::ostringstream& out, const runner::Signals& signals) {
  if (!signals.sanitizer && !signals.analysis && !signals.complexity) return;
  out << "<h2>Signals</h2>";
  if (signals.sanitizer) sanitizer_section(out, *signals.sanitizer);
  if (signals.analysis) analysis_section(out, *signals.analysis);
  if (signals.complexity) out << complexity_html(*signals.complexity);
  out << "\n";
}

}  // namespace proctor::report
