// Subtotals per test group: with a package that groups its secret tests (data/secret/correctness,
// data/secret/performance) this is Codility's correctness / performance split.
#include "report/escape.hpp"
#include "report/sections.hpp"

namespace proctor::report {

void groups_html(std::ostringstream& out, const Model& m) {
  if (m.groups.empty()) return;
  out << "<h2>By group</h2><table class=\"groups\"><tr><th>Group</th><th class=\"num\">Passed</th><th>"
         "</th></tr>";
  for (const GroupRow& g : m.groups) {
    int pct = g.total > 0 ? g.passed * 100 / g.total : 0;
    out << "<tr><td>" << html_escape(g.group) << "</td><td class=\"num\">" << g.passed << " / " << g.total
        << "</td><td><div class=\"bar small\"><div style=\"width:" << pct << "%\"></div></div></td></tr>";
  }
  out << "</table>\n";
}

void groups_markdown(std::ostringstream& out, const Model& m) {
  if (m.groups.empty()) return;
  out << "\n## By group\n\n| Group | Passed |\n|---|---:|\n";
  for (const GroupRow& g : m.groups)
    out << "| " << md_inline(g.group) << " | " << g.passed << "/" << g.total << " |\n";
}

void groups_text(std::ostringstream& out, const Model& m) {
  if (m.groups.empty()) return;
  out << "\nBy group\n";
  for (const GroupRow& g : m.groups)
    out << "  " << clean_text(g.group) << ": " << g.passed << "/" << g.total << "\n";
}

}  // namespace proctor::report
