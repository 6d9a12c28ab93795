// Markdown report: pastes into a ticket or a pull request. Table cells go through md_inline (no raw
// HTML, no table breakage via '|'); compiler output and diffs go into fences longer than their content.
#include <sstream>

#include "report/escape.hpp"
#include "report/model.hpp"
#include "report/report.hpp"
#include "report/sections.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

std::string samples_cell(const TimelineRow& row) {
  if (row.late) return "late, not graded";
  if (!row.sample_total) return "not graded";
  return std::to_string(row.sample_passed.value_or(0)) + "/" + std::to_string(*row.sample_total);
}

void tests_section(std::ostringstream& out, const Model& m) {
  out << "\n## Tests\n\n";
  if (m.tests.empty()) {
    out << "No test was run.\n";
    return;
  }
  out << "| Test | Description | Verdict | Time | Memory | Note |\n|---|---|---|---:|---:|---|\n";
  for (const TestRow& t : m.tests) {
    std::string note = t.message;
    if (!t.violation.empty()) note = "forbidden call " + t.violation + (note.empty() ? "" : "; " + note);
    out << "| " << md_inline(t.name) << " | " << md_inline(t.description) << " | "
        << md_inline(verdict_text(t.verdict)) << " | " << format_time(t.time) << " | "
        << format_kb(t.memory_kb) << " | " << md_inline(note) << " |\n";
  }
  for (const TestRow& t : m.tests) {
    if (t.diff.empty() || t.verdict == Verdict::AC) continue;
    out << "\n<details><summary>" << md_inline(t.name) << ": output difference</summary>\n\n";
    for (const auto& [label, text] : t.diff)
      out << "**" << md_inline(label) << "**\n\n" << md_code_block(text) << "\n";
    out << "</details>\n";
  }
}

void compile_section(std::ostringstream& out, const Model& m) {
  out << "\n## Compilation\n\n";
  out << "Status: **" << md_inline(compile_status_text(m.compile_status)) << "**";
  if (m.compile_ms) out << " in " << format_ms(m.compile_ms);
  out << ", " << m.warnings.size() << (m.warnings.size() == 1 ? " warning" : " warnings") << ".\n";
  if (!m.warnings.empty()) {
    out << "\n| Line | Column | Warning | Option |\n|---:|---:|---|---|\n";
    for (const WarningRow& w : m.warnings) {
      out << "| " << (w.line ? std::to_string(*w.line) : "") << " | "
          << (w.column ? std::to_string(*w.column) : "") << " | " << md_inline(w.message) << " | "
          << md_inline(w.option) << " |\n";
    }
  }
  if (m.verdict == Verdict::CE && !m.compile_output.empty()) out << "\n" << md_code_block(m.compile_output);
}

void session_section(std::ostringstream& out, const SessionView& s) {
  out << "\n## Session\n\n";
  out << "- Candidate: " << md_inline(s.candidate) << "\n";
  out << "- Session: " << md_inline(s.id) << ", started " << md_inline(format_timestamp(s.started_at))
      << ", deadline " << md_inline(format_timestamp(s.deadline)) << "\n";
  if (s.finished_at) {
    out << "- Finished " << md_inline(format_timestamp(s.finished_at)) << " by " << md_inline(s.finished_by)
        << "\n";
  }
  out << "- Submissions: " << s.on_time << " on time, " << s.late << " late\n";
  out << "- First passing sample: ";
  if (s.first_pass_n) {
    out << format_offset(s.first_pass_ms) << " (submission " << *s.first_pass_n << ")\n";
  } else {
    out << "never\n";
  }
  if (s.package_changed)
    out << "- **Note:** the package changed during the session; the frozen copy was graded.\n";
  if (s.timeline.empty()) return;
  out << "\n| # | Time | Samples | Verdict |\n|---:|---:|---|---|\n";
  for (const TimelineRow& row : s.timeline) {
    out << "| " << row.n << " | " << format_offset(row.offset_ms) << " | " << samples_cell(row) << " | "
        << md_inline(verdict_text(row.verdict)) << " |\n";
  }
}

}  // namespace

std::string render_markdown(const Model& m) {
  std::ostringstream out;
  out << "# " << md_inline(m.exercise_title.empty() ? m.exercise_id : m.exercise_title) << "\n\n";
  if (m.session) out << "Candidate: **" << md_inline(m.session->candidate) << "**  \n";
  out << "Verdict: **" << md_inline(verdict_text(m.verdict)) << "** (" << md_inline(m.verdict_label)
      << ")  \n";
  out << "Score: " << format_number(m.passed) << "/" << format_number(m.total) << " tests, "
      << format_number(m.points) << "/" << format_number(m.max_points) << " points\n";
  grading_markdown(out, m);
  groups_markdown(out, m);
  tests_section(out, m);
  compile_section(out, m);
  if (m.signals) signals_markdown(out, *m.signals);
  source_markdown(out, m);
  if (m.session) session_section(out, *m.session);
  timeline_markdown(out, m);
  diffs_markdown(out, m);
  if (!m.limits.empty() || !m.sandbox.empty()) {
    out << "\n## Limits and sandbox\n\n";
    for (const auto& [label, value] : m.limits) out << "- " << label << ": " << value << "\n";
    for (const auto& [layer, state] : m.sandbox) out << "- " << layer << ": " << md_inline(state) << "\n";
  }
  out << "\n---\nproctor " << md_inline(m.runner_version);
  if (!m.compiler.empty()) out << ", " << md_inline(m.compiler);
  if (!m.exercise_sha256.empty()) out << ", package sha256 " << md_inline(m.exercise_sha256.substr(0, 12));
  out << ", graded " << md_inline(format_timestamp(m.finished_at));
  out << "\n";
  return out.str();
}

}  // namespace proctor::report
