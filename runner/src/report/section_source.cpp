// The graded source in the report: what a debrief is about. HTML: syntax-highlighted (c_highlight),
// line numbers outside the selectable text; Markdown: a fenced block; text: numbered lines.
#include <string_view>

#include "report/c_highlight.hpp"
#include "report/escape.hpp"
#include "report/sections.hpp"

namespace proctor::report {
namespace {

std::string heading(const Model& m, const SourceVersion& v) {
  std::string h = "Graded source: submission " + std::to_string(v.n);
  if (m.session) h += ", " + format_offset((v.at - m.session->started_at).count());
  return h + ", " + std::to_string(v.text.size()) + " bytes";
}

std::string line_number(int n) {
  std::string s = std::to_string(n);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, ' ') + s;
}

}  // namespace

void source_html(std::ostringstream& out, const Model& m) {
  const SourceVersion* v = m.graded_source();
  if (!v) return;
  out << "<h2>" << html_escape(heading(m, *v)) << "</h2><pre class=\"code\">";
  int line = 0;
  bool pending = true;  // a line has begun and its number is not written yet
  auto number = [&] {
    if (pending) out << "<span class=\"ln\">" << line_number(++line) << "</span>";
    pending = false;
  };
  for (const CSpan& span : highlight_c(v->text)) {
    const std::string cls = c_token_class(span.kind);
    // A span crossing lines (a block comment) is closed and reopened around each line number.
    std::string_view rest = span.text;
    for (;;) {
      std::size_t nl = rest.find('\n');
      std::string_view piece = rest.substr(0, nl);
      if (!piece.empty()) {
        number();
        if (!cls.empty()) out << "<span class=\"" << cls << "\">";
        out << html_escape(piece);
        if (!cls.empty()) out << "</span>";
      }
      if (nl == std::string_view::npos) break;
      number();
      out << "\n";
      pending = true;
      rest = rest.substr(nl + 1);
    }
  }
  out << "</pre>\n";
}

void source_markdown(std::ostringstream& out, const Model& m) {
  const SourceVersion* v = m.graded_source();
  if (!v) return;
  out << "\n## " << md_inline(heading(m, *v)) << "\n\n" << md_code_block(v->text);
}

void source_text(std::ostringstream& out, const Model& m) {
  const SourceVersion* v = m.graded_source();
  if (!v) return;
  out << "\n" << clean_text(heading(m, *v)) << "\n";
  std::istringstream lines(clean_text(v->text));
  int n = 0;
  for (std::string line; std::getline(lines, line);) out << line_number(++n) << " | " << line << "\n";
}

}  // namespace proctor::report
