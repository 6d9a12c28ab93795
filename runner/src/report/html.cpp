// HTML report: one self-contained page (inline CSS, inline SVG, no script). A Content-Security-Policy
// forbids every external load and script, a second line of defence behind html_escape.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "report/escape.hpp"
#include "report/html_style.hpp"
#include "report/model.hpp"
#include "report/report.hpp"
#include "report/sections.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

std::string esc(const std::string& s) {
  return html_escape(s);
}

// Only known verdicts become CSS classes; anything else falls back to the neutral colour.
std::string verdict_class(std::optional<Verdict> v) {
  if (!v || *v == Verdict::skipped) return "v-none";
  return "v-" + verdict_text(*v);
}

std::string pill(std::optional<Verdict> verdict) {
  if (!verdict) return "<span class=\"tag\">not graded</span>";
  return "<span class=\"pill " + verdict_class(verdict) + "\">" + esc(verdict_text(*verdict)) + "</span>";
}

void header(std::ostringstream& out, const Model& m) {
  std::string title = m.exercise_title.empty() ? m.exercise_id : m.exercise_title;
  out << "<header><div><h1>" << esc(title.empty() ? "Proctor report" : title) << "</h1><div class=\"sub\">";
  if (m.session) out << "Candidate <b>" << esc(m.session->candidate) << "</b> &middot; ";
  out << "exercise " << esc(m.exercise_id);
  if (!m.submission_path.empty()) out << " &middot; submission " << esc(m.submission_path);
  out << "</div></div>";
  out << "<div class=\"badge " << verdict_class(m.verdict) << "\">" << esc(verdict_text(m.verdict))
      << "<small>" << esc(m.verdict_label) << "</small></div></header>\n";
  double ratio = 0;
  if (m.max_points && *m.max_points > 0 && m.points) ratio = std::clamp(*m.points / *m.max_points, 0.0, 1.0);
  char width[16];
  std::snprintf(width, sizeof width, "%.1f", ratio * 100);
  out << "<div class=\"bar\"><div style=\"width:" << width << "%\"></div></div>";
  out << "<div class=\"sub\">" << format_number(m.passed) << " of " << format_number(m.total)
      << " tests passed &middot; " << format_number(m.points) << " / " << format_number(m.max_points)
      << " points</div>\n";
}

void cards(std::ostringstream& out, const SessionView& s) {
  auto card = [&](const std::string& value, const std::string& label) {
    out << "<div class=\"card\"><b>" << esc(value) << "</b><span>" << esc(label) << "</span></div>";
  };
  out << "<div class=\"cards\">";
  card(std::to_string(s.on_time) + (s.late ? " + " + std::to_string(s.late) + " late" : ""), "submissions");
  card(s.first_pass_n ? format_offset(s.first_pass_ms) : "never", "first passing sample");
  card(s.length_ms ? format_offset(s.length_ms).substr(1) : "?", "session length");
  card(s.finished_by.empty() ? "open" : s.finished_by, "finished by");
  out << "</div>\n";
  if (s.package_changed) {
    out << "<div class=\"note\">The exercise package changed during the session; the copy frozen at the "
           "start was "
           "graded.</div>\n";
  }
}

// A strip from start to deadline with one mark per submission, coloured by its sample verdict.
void timeline_chart(std::ostringstream& out, const SessionView& s) {
  if (!s.length_ms || *s.length_ms <= 0 || s.timeline.empty()) return;
  const double x0 = 20, x1 = 940;
  auto x_of = [&](long long ms) {
    double f = static_cast<double>(ms) / static_cast<double>(*s.length_ms);
    return x0 + std::clamp(f, 0.0, 1.04) * (x1 - x0);
  };
  out << "<svg viewBox=\"0 0 1000 64\" width=\"100%\" role=\"img\" aria-label=\"submission timeline\">"
      << "<line x1=\"20\" y1=\"30\" x2=\"940\" y2=\"30\" stroke=\"#d0d7de\" stroke-width=\"4\"/>"
      << "<line x1=\"940\" y1=\"14\" x2=\"940\" y2=\"46\" stroke=\"#cf222e\" stroke-width=\"2\"/>"
      << "<text x=\"20\" y=\"60\">start</text><text x=\"940\" y=\"60\" "
         "text-anchor=\"middle\">deadline</text>";
  // An early finish (by the interviewer) is marked where it happened.
  if (s.finished_ms && *s.finished_ms < *s.length_ms) {
    char fx[16];
    std::snprintf(fx, sizeof fx, "%.1f", x_of(*s.finished_ms));
    out << "<line x1=\"" << fx << "\" y1=\"18\" x2=\"" << fx
        << "\" y2=\"42\" stroke=\"#57606a\" stroke-width=\"2\" "
        << "stroke-dasharray=\"3 2\"/><text x=\"" << fx
        << "\" y=\"60\" text-anchor=\"middle\">finished</text>";
  }
  static const std::pair<Verdict, const char*> colours[] = {
      {Verdict::AC, "#1a7f37"},  {Verdict::WA, "#cf222e"},  {Verdict::TLE, "#bc4c00"},
      {Verdict::MLE, "#bc4c00"}, {Verdict::OLE, "#bc4c00"}, {Verdict::RTE, "#8250df"},
      {Verdict::SV, "#a40e26"},  {Verdict::CE, "#57606a"}};
  for (const TimelineRow& row : s.timeline) {
    if (!row.offset_ms) continue;
    std::string fill = "#ffffff";
    for (const auto& [v, c] : colours) {
      if (row.verdict == v) fill = c;
    }
    char x[16];
    std::snprintf(x, sizeof x, "%.1f", x_of(*row.offset_ms));
    out << "<circle cx=\"" << x << "\" cy=\"30\" r=\"7\" fill=\"" << fill << "\" stroke=\""
        << (row.late ? "#cf222e" : "#ffffff") << "\" stroke-width=\"2\"><title>#" << row.n << " "
        << format_offset(row.offset_ms) << " " << esc(row.late ? "late" : verdict_text(row.verdict))
        << "</title></circle>";
    out << "<text x=\"" << x << "\" y=\"12\" text-anchor=\"middle\">" << row.n << "</text>";
  }
  out << "</svg>\n";
}

void session_section(std::ostringstream& out, const SessionView& s) {
  out << "<h2>Session timeline</h2>";
  timeline_chart(out, s);
  out << "<p class=\"sub\">Session " << esc(s.id) << ", started " << esc(format_timestamp(s.started_at))
      << ", deadline " << esc(format_timestamp(s.deadline));
  if (s.finished_at)
    out << ", finished " << esc(format_timestamp(s.finished_at)) << " by " << esc(s.finished_by);
  out << ".</p>";
  if (s.timeline.empty()) {
    out << "<p>No submission.</p>\n";
    return;
  }
  out << "<table><tr><th class=\"num\">#</th><th class=\"num\">Time</th><th>Samples</th><th>Verdict</th>"
         "<th>sha256</th></tr>";
  for (const TimelineRow& row : s.timeline) {
    std::string samples = row.late           ? "late, not graded"
                          : row.sample_total ? std::to_string(row.sample_passed.value_or(0)) + " / " +
                                                   std::to_string(*row.sample_total)
                                             : "not graded";
    out << "<tr><td class=\"num\">" << row.n << "</td><td class=\"num\">" << format_offset(row.offset_ms)
        << "</td><td" << (row.late ? " class=\"off\"" : "") << ">" << esc(samples) << "</td><td>"
        << (row.late ? "" : pill(row.verdict)) << "</td><td class=\"tag\">" << esc(row.sha256.substr(0, 12))
        << "</td></tr>";
  }
  out << "</table>\n";
}

void tests_section(std::ostringstream& out, const Model& m) {
  out << "<h2>Tests</h2>";
  if (m.tests.empty()) {
    out << "<p>No test was run.</p>\n";
    return;
  }
  out << "<table><tr><th>Test</th><th>Verdict</th><th class=\"num\">CPU</th><th class=\"num\">Wall</th>"
         "<th class=\"num\">Memory</th><th>Note</th></tr>";
  for (const TestRow& t : m.tests) {
    std::string note = t.message;
    if (!t.violation.empty()) note = "forbidden call " + t.violation + (note.empty() ? "" : "; " + note);
    if (t.signal) note += (note.empty() ? "" : "; ") + std::string("signal ") + std::to_string(*t.signal);
    out << "<tr" << (t.verdict != Verdict::AC ? " class=\"fail\"" : "") << "><td>" << esc(t.name)
        << " <span class=\"tag\">" << esc(t.visibility) << "</span>";
    if (!t.description.empty()) out << "<div class=\"desc\">" << esc(t.description) << "</div>";
    out << "</td><td>" << pill(t.verdict) << "</td><td class=\"num\">" << format_time(t.time)
        << "</td><td class=\"num\">" << format_time(t.wall) << "</td><td class=\"num\">"
        << format_kb(t.memory_kb) << "</td><td>" << esc(note);
    if (!t.diff.empty() && t.verdict != Verdict::AC) {
      out << "<details><summary>output difference</summary>";
      for (const auto& [label, text] : t.diff)
        out << "<div class=\"tag\">" << esc(label) << "</div><pre>" << esc(text) << "</pre>";
      out << "</details>";
    }
    out << "</td></tr>";
  }
  out << "</table>\n";
}

void compile_section(std::ostringstream& out, const Model& m) {
  out << "<h2>Compilation</h2><p>Status <b>" << esc(compile_status_text(m.compile_status)) << "</b>";
  if (m.compile_ms) out << " in " << format_ms(m.compile_ms);
  out << " &middot; " << m.warnings.size() << (m.warnings.size() == 1 ? " warning" : " warnings") << "</p>";
  if (!m.compile_command.empty())
    out << "<details><summary>command</summary><pre>" << esc(m.compile_command) << "</pre></details>";
  if (!m.warnings.empty()) {
    out << "<table><tr><th class=\"num\">Line</th><th "
           "class=\"num\">Col</th><th>Warning</th><th>Option</th></tr>";
    for (const WarningRow& w : m.warnings) {
      out << "<tr><td class=\"num\">" << (w.line ? std::to_string(*w.line) : "") << "</td><td class=\"num\">"
          << (w.column ? std::to_string(*w.column) : "") << "</td><td>" << esc(w.message)
          << "</td><td class=\"tag\">" << esc(w.option) << "</td></tr>";
    }
    out << "</table>";
  }
  if (!m.compile_output.empty()) {
    out << (m.verdict == Verdict::CE ? "<pre>" : "<details><summary>compiler output</summary><pre>")
        << esc(m.compile_output) << (m.verdict == Verdict::CE ? "</pre>" : "</pre></details>");
  }
  out << "\n";
}

void limits_section(std::ostringstream& out, const Model& m) {
  if (m.limits.empty() && m.sandbox.empty()) return;
  out << "<h2>Limits and sandbox</h2><div class=\"kv\"><dl>";
  for (const auto& [label, value] : m.limits)
    out << "<dt>" << esc(label) << "</dt><dd>" << esc(value) << "</dd>";
  out << "</dl><dl>";
  for (std::size_t i = 0; i < m.sandbox.size(); ++i) {
    out << "<dt>" << esc(m.sandbox[i].first) << "</dt><dd" << (m.sandbox_ok[i] ? "" : " class=\"off\"") << ">"
        << esc(m.sandbox[i].second) << "</dd>";
  }
  out << "</dl></div>\n";
}

}  // namespace

std::string render_html(const Model& m) {
  std::ostringstream out;
  std::string title = m.exercise_title.empty() ? m.exercise_id : m.exercise_title;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>" << esc(verdict_text(m.verdict)) << " &middot; " << esc(title)
      << (m.session ? " &middot; " + esc(m.session->candidate) : std::string()) << "</title><style>"
      << kReportCss << "</style></head><body><main>\n";
  header(out, m);
  grading_html(out, m);
  if (m.session) cards(out, *m.session);
  groups_html(out, m);
  tests_section(out, m);
  compile_section(out, m);
  if (m.signals) signals_html(out, *m.signals);
  source_html(out, m);
  if (m.session) session_section(out, *m.session);
  timeline_html(out, m);
  diffs_html(out, m);
  limits_section(out, m);
  out << "<footer>proctor " << esc(m.runner_version);
  if (!m.compiler.empty()) out << " &middot; " << esc(m.compiler);
  if (!m.exercise_sha256.empty()) out << " &middot; package sha256 " << esc(m.exercise_sha256.substr(0, 12));
  if (!m.submission_sha256.empty())
    out << " &middot; submission sha256 " << esc(m.submission_sha256.substr(0, 12));
  out << " &middot; graded " << esc(format_timestamp(m.finished_at));
  out << "</footer></main></body></html>\n";
  return out.str();
}

}  // namespace proctor::report
