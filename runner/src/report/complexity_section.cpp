// Every string from the result goes through the format's escaping (a result file may have been edited
// by hand); the SVG is Proctor's own output, built from numbers and fixed labels.
#include "report/complexity_section.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "complexity/growth_fit.hpp"
#include "complexity/growth_plot.hpp"
#include "report/escape.hpp"
#include "report/model.hpp"
#include "text/columns.hpp"

namespace proctor::report {
namespace {

using runner::ComplexityEvidence;
using runner::ScalingCurve;
using runner::ScalingPoint;

std::string cell(const ScalingPoint& p, const std::string& unit) {
  if (p.cost) return runner::format_cost(*p.cost, unit);
  return p.failure.empty() ? "-" : p.failure;
}

std::string measure_note(const ComplexityEvidence& e) {
  std::string note =
      "Cost: " + std::string(e.unit == "instructions" ? "user-space instructions" : "CPU time") +
      ", least of at least " + std::to_string(e.repeat) + " runs per size";
  if (!e.fallback_reason.empty()) note += " (instructions unavailable: " + e.fallback_reason + ")";
  note += "; " + format_ms(e.duration_ms) + " for the pass";
  if (!e.note.empty()) note += "; " + e.note;
  return note + ".";
}

// Why there are no curves: "not measured: <why>" (the judge's problem) or "skipped: <why>".
std::string not_measured(const ComplexityEvidence& e) {
  return std::string(e.status == runner::SignalStatus::skipped ? "skipped" : "not measured") +
         (e.note.empty() ? "" : ": " + e.note);
}

// Rows of (n, submission, reference), by size.
template <typename Row>
void rows(const ComplexityEvidence& e, Row row) {
  const std::size_t count = std::max(e.candidate.points.size(), e.reference.points.size());
  for (std::size_t i = 0; i < count; ++i) {
    const ScalingPoint* c = i < e.candidate.points.size() ? &e.candidate.points[i] : nullptr;
    const ScalingPoint* r = i < e.reference.points.size() ? &e.reference.points[i] : nullptr;
    const std::uint64_t n = c ? c->n : r->n;
    row(std::to_string(n), c ? cell(*c, e.unit) : "-", r ? cell(*r, e.unit) : "-");
  }
}

}  // namespace

using text::pad;

std::string complexity_text(const ComplexityEvidence& e) {
  std::ostringstream out;
  out << "\nComplexity (cost against input size n): ";
  if (e.status != runner::SignalStatus::ran) {
    out << clean_text(not_measured(e)) << "\n";
    return out.str();
  }
  out << clean_text(e.sentence) << "\n  " << clean_text(measure_note(e)) << "\n";
  // A size a program did not reach says why at length: under the table, its cell keeps the first word.
  std::vector<std::string> why;
  auto short_cell = [&](const std::string& n, const std::string& who, const std::string& cell) {
    if (cell.size() <= 24) return clean_text(cell);
    why.push_back("n=" + n + ", " + who + ": " + clean_text(cell));
    return clean_text(cell.substr(0, std::min(cell.find(':'), std::size_t{16}))) + " (" +
           std::to_string(why.size()) + ")";
  };
  out << "  " << pad("n", 12) << pad("submission", 26) << "reference (" << clean_text(e.reference.solution)
      << ")\n";
  rows(e, [&](const std::string& n, const std::string& c, const std::string& r) {
    const std::string cs = short_cell(n, "submission", c);
    out << "  " << pad(n, 12) << pad(cs, 26) << short_cell(n, "reference", r) << "\n";
  });
  for (std::size_t i = 0; i < why.size(); ++i) out << "  (" << i + 1 << ") " << why[i] << "\n";
  return out.str();
}

std::string complexity_markdown(const ComplexityEvidence& e) {
  std::ostringstream out;
  out << "\n### Complexity (cost against input size n)\n\n";
  if (e.status != runner::SignalStatus::ran) {
    out << md_inline(not_measured(e)) << "\n";
    return out.str();
  }
  out << md_inline(e.sentence) << "\n\n" << md_inline(measure_note(e)) << "\n\n";
  out << "| n | submission | reference (" << md_inline(e.reference.solution) << ") |\n|---:|---:|---:|\n";
  rows(e, [&](const std::string& n, const std::string& c, const std::string& r) {
    out << "| " << n << " | " << md_inline(c) << " | " << md_inline(r) << " |\n";
  });
  return out.str();
}

std::string complexity_html(const ComplexityEvidence& e) {
  std::ostringstream out;
  out << "<h3>Complexity (cost against input size n)</h3>";
  if (e.status != runner::SignalStatus::ran) {
    out << "<p>" << html_escape(not_measured(e)) << "</p>";
    return out.str();
  }
  out << "<p><b>" << html_escape(e.sentence) << "</b></p>";
  out << "<div class=\"growth\">" << runner::growth_plot_svg(e) << "</div>";
  out << "<p class=\"tag\">" << html_escape(measure_note(e)) << "</p>";
  out << "<table><tr><th class=\"num\">n</th><th class=\"num\">submission</th><th class=\"num\">reference ("
      << html_escape(e.reference.solution) << ")</th></tr>";
  rows(e, [&](const std::string& n, const std::string& c, const std::string& r) {
    out << "<tr><td class=\"num\">" << n << "</td><td class=\"num\">" << html_escape(c)
        << "</td><td class=\"num\">" << html_escape(r) << "</td></tr>";
  });
  out << "</table>";
  return out.str();
}

}  // namespace proctor::report
