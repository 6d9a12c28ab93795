// How the candidate's code evolved: a diff from each submission to the next. Long diffs are cut (the
// whole history is in the session directory and `proctor session diff`).
#include "report/escape.hpp"
#include "report/sections.hpp"
#include "text/line_diff.hpp"

namespace proctor::report {
namespace {

constexpr std::size_t kMaxDiffLines = 150;  // per pair of submissions

struct Pair {
  const SourceVersion* from;
  const SourceVersion* to;
};

std::vector<Pair> pairs(const Model& m) {
  std::vector<Pair> out;
  if (!m.extras) return out;
  const auto& subs = m.extras->submissions;
  for (std::size_t i = 1; i < subs.size(); ++i) out.push_back({&subs[i - 1], &subs[i]});
  return out;
}

std::string title(const Model& m, const Pair& p) {
  auto when = [&](const SourceVersion& v) {
    return m.session
               ? " (" + format_offset((v.at - m.session->started_at).count()) + (v.late ? ", late" : "") + ")"
               : std::string();
  };
  return "Submission " + std::to_string(p.from->n) + when(*p.from) + " to " + std::to_string(p.to->n) +
         when(*p.to);
}

}  // namespace

void diffs_html(std::ostringstream& out, const Model& m) {
  std::vector<Pair> all = pairs(m);
  if (all.empty()) return;
  out << "<h2>Changes between submissions</h2>\n";
  for (const Pair& p : all) {
    out << "<h3>" << html_escape(title(m, p)) << "</h3>";
    std::vector<text::DiffHunk> hunks = text::diff_hunks(text::line_diff(p.from->text, p.to->text));
    if (hunks.empty()) {
      out << "<p class=\"sub\">No change.</p>\n";
      continue;
    }
    out << "<pre class=\"diff\">";
    std::size_t shown = 0, total = 0;
    for (const text::DiffHunk& h : hunks) total += h.lines.size() + 1;
    for (const text::DiffHunk& h : hunks) {
      if (shown >= kMaxDiffLines) break;
      out << "<span class=\"dh\">@@ -" << h.old_start << "," << h.old_count << " +" << h.new_start << ","
          << h.new_count << " @@</span>\n";
      ++shown;
      for (const text::DiffLine& l : h.lines) {
        if (shown++ >= kMaxDiffLines) break;
        const char* cls = l.op == text::DiffOp::added ? "da" : l.op == text::DiffOp::removed ? "dr" : "dc";
        const char* mark = l.op == text::DiffOp::added ? "+" : l.op == text::DiffOp::removed ? "-" : " ";
        out << "<span class=\"" << cls << "\">" << mark << html_escape(l.text) << "</span>\n";
      }
    }
    if (total > kMaxDiffLines)
      out << "<span class=\"dh\">(" << total - kMaxDiffLines << " more lines: proctor session diff)</span>\n";
    out << "</pre>\n";
  }
}

void diffs_markdown(std::ostringstream& out, const Model& m) {
  std::vector<Pair> all = pairs(m);
  if (all.empty()) return;
  out << "\n## Changes between submissions\n";
  for (const Pair& p : all) {
    std::string diff =
        text::unified_diff(p.from->text, p.to->text, std::to_string(p.from->n), std::to_string(p.to->n));
    out << "\n### " << md_inline(title(m, p)) << "\n\n"
        << (diff.empty() ? "No change.\n" : md_code_block(diff));
  }
}

void diffs_text(std::ostringstream& out, const Model& m) {
  std::vector<Pair> all = pairs(m);
  if (all.empty()) return;
  out << "\nChanges between submissions\n";
  for (const Pair& p : all) {
    std::string diff =
        text::unified_diff(p.from->text, p.to->text, std::to_string(p.from->n), std::to_string(p.to->n));
    out << "\n" << clean_text(title(m, p)) << "\n" << (diff.empty() ? "  No change.\n" : clean_text(diff));
  }
}

}  // namespace proctor::report
