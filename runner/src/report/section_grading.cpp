// Which submission the result is for, who chose it, and what the interviewer should know about that
// choice (a broken last submission while an earlier one passed, later work that was not submitted).
#include "report/escape.hpp"
#include "report/sections.hpp"

namespace proctor::report {
namespace {

std::string graded_sentence(const SessionView& s) {
  if (!s.graded_known) return "";
  if (!s.graded) return "Nothing was graded: no submission before the session ended.";
  std::string text = "Graded submission " + std::to_string(*s.graded);
  text += s.chosen ? ", chosen by " + s.graded_by : ", the candidate's last on-time submission";
  return text + ".";
}

}  // namespace

void grading_html(std::ostringstream& out, const Model& m) {
  if (!m.session) return;
  std::string sentence = graded_sentence(*m.session);
  if (!sentence.empty()) out << "<p class=\"sub\">" << html_escape(sentence) << "</p>\n";
  for (const std::string& w : m.session->warnings)
    out << "<div class=\"note warn\">Warning: " << html_escape(w) << "</div>\n";
}

void grading_markdown(std::ostringstream& out, const Model& m) {
  if (!m.session) return;
  std::string sentence = graded_sentence(*m.session);
  if (!sentence.empty()) out << "\n" << md_inline(sentence) << "\n";
  for (const std::string& w : m.session->warnings) out << "\n> **Warning:** " << md_inline(w) << "\n";
}

void grading_text(std::ostringstream& out, const Model& m) {
  if (!m.session) return;
  std::string sentence = graded_sentence(*m.session);
  if (!sentence.empty()) out << clean_text(sentence) << "\n";
  for (const std::string& w : m.session->warnings) out << "Warning: " << clean_text(w) << "\n";
}

}  // namespace proctor::report
