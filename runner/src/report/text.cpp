// Plain-text report: for a terminal or an e-mail. Columns are padded by hand; every string from the
// result goes through clean_text so it cannot drive the terminal.
#include <algorithm>
#include <sstream>

#include "report/escape.hpp"
#include "report/model.hpp"
#include "report/report.hpp"
#include "report/sections.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

// Pads by code points, not bytes, so names with accents still line up.
std::string pad(const std::string& s, std::size_t width) {
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xc0) != 0x80;
  return points >= width ? s + " " : s + std::string(width - points, ' ');
}

std::string samples_cell(const TimelineRow& row) {
  if (row.late) return "late, not graded";
  if (!row.sample_total) return "not graded";
  return std::to_string(row.sample_passed.value_or(0)) + "/" + std::to_string(*row.sample_total) + " samples";
}

void tests_section(std::ostringstream& out, const Model& m) {
  out << "\nTests\n";
  if (m.tests.empty()) {
    out << "  (no test was run)\n";
    return;
  }
  std::size_t width = 6;
  for (const TestRow& t : m.tests) width = std::max(width, clean_text(t.name).size() + 2);
  out << "  " << pad("name", width) << pad("verdict", 9) << pad("time", 10) << pad("memory", 10) << "note\n";
  for (const TestRow& t : m.tests) {
    std::string note = t.message;
    if (!t.violation.empty()) note = "forbidden call " + t.violation + (note.empty() ? "" : "; " + note);
    out << "  " << pad(clean_text(t.name), width) << pad(verdict_text(t.verdict), 9)
        << pad(format_time(t.time), 10) << pad(format_kb(t.memory_kb), 10) << clean_text(note) << "\n";
    if (!t.description.empty()) out << "    " << clean_text(t.description) << "\n";
  }
}

void compile_section(std::ostringstream& out, const Model& m) {
  out << "\nCompilation: " << compile_status_text(m.compile_status);
  if (m.compile_ms) out << " in " << format_ms(m.compile_ms);
  out << ", " << m.warnings.size() << (m.warnings.size() == 1 ? " warning\n" : " warnings\n");
  for (const WarningRow& w : m.warnings) {
    out << "  " << (w.line ? std::to_string(*w.line) : "?") << ":"
        << (w.column ? std::to_string(*w.column) : "?") << ": " << clean_text(w.message);
    if (!w.option.empty()) out << " [" << clean_text(w.option) << "]";
    out << "\n";
  }
  if (m.verdict == Verdict::CE && !m.compile_output.empty()) {
    std::istringstream lines(clean_text(m.compile_output));
    for (std::string line; std::getline(lines, line);) out << "  | " << line << "\n";
  }
}

void session_section(std::ostringstream& out, const SessionView& s) {
  out << "\nSession " << clean_text(s.id) << "\n";
  out << "  started " << clean_text(format_timestamp(s.started_at)) << ", deadline "
      << clean_text(format_timestamp(s.deadline));
  if (s.finished_at)
    out << ", finished " << clean_text(format_timestamp(s.finished_at)) << " by "
        << clean_text(s.finished_by);
  out << "\n  " << s.on_time << " submission" << (s.on_time == 1 ? "" : "s") << " on time, " << s.late
      << " late";
  out << "; first passing sample: ";
  if (s.first_pass_n) {
    out << format_offset(s.first_pass_ms) << " (submission " << *s.first_pass_n << ")\n";
  } else {
    out << "never\n";
  }
  if (s.package_changed)
    out << "  note: the package changed during the session; the frozen copy was graded\n";
  for (const TimelineRow& row : s.timeline) {
    out << "  #" << pad(std::to_string(row.n), 4) << pad(format_offset(row.offset_ms), 10)
        << pad(samples_cell(row), 18) << verdict_text(row.verdict) << "\n";
  }
}

}  // namespace

std::string render_text(const Model& m) {
  std::ostringstream out;
  out << "Proctor report: " << clean_text(m.exercise_title.empty() ? m.exercise_id : m.exercise_title);
  if (!m.exercise_id.empty()) out << " (" << clean_text(m.exercise_id) << ")";
  out << "\n";
  if (m.session) out << "Candidate: " << clean_text(m.session->candidate) << "\n";
  out << "Verdict: " << verdict_text(m.verdict) << " (" << clean_text(m.verdict_label) << ")\n";
  out << "Score: " << format_number(m.passed) << "/" << format_number(m.total) << " tests, "
      << format_number(m.points) << "/" << format_number(m.max_points) << " points\n";
  if (!m.submission_path.empty()) {
    out << "Submission: " << clean_text(m.submission_path);
    if (m.submission_bytes) out << " (" << *m.submission_bytes << " bytes)";
    out << "\n";
  }
  grading_text(out, m);
  groups_text(out, m);
  tests_section(out, m);
  compile_section(out, m);
  if (m.signals) signals_text(out, *m.signals);
  source_text(out, m);
  if (m.session) session_section(out, *m.session);
  timeline_text(out, m);
  diffs_text(out, m);
  if (!m.limits.empty()) {
    out << "\nLimits:";
    for (const auto& [label, value] : m.limits) out << " " << label << " " << value << ";";
    out.seekp(-1, std::ios_base::cur);
    out << "\n";
  }
  if (!m.sandbox.empty()) {
    out << "Sandbox:";
    for (const auto& [layer, state] : m.sandbox) out << " " << layer << " " << clean_text(state) << ";";
    out.seekp(-1, std::ios_base::cur);
    out << "\n";
  }
  out << "Runner: proctor " << clean_text(m.runner_version);
  if (!m.compiler.empty()) out << ", " << clean_text(m.compiler);
  out << "; graded " << format_timestamp(m.finished_at);
  out << "\n";
  return out.str();
}

}  // namespace proctor::report
