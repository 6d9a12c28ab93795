#include "report/terminal.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "report/escape.hpp"

namespace proctor::report {
namespace {

struct Paint {
  bool on = false;
  std::string operator()(const std::string& text, const char* code) const {
    return on ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
  std::string verdict(Verdict v) const {
    const std::string text = verdict_text(v);
    if (v == Verdict::AC) return (*this)(text, "32;1");
    if (v == Verdict::skipped) return (*this)(text, "2");
    return (*this)(text, "31;1");
  }
};

// Pads by code points, so names with accents still line up.
std::string pad(const std::string& s, std::size_t width) {
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xc0) != 0x80;
  return points >= width ? s : s + std::string(width - points, ' ');
}

std::string right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

void tests_table(std::ostringstream& out, const Model& m, const Paint& paint) {
  std::size_t width = 4;
  for (const TestRow& t : m.tests) width = std::max(width, clean_text(t.name).size());
  out << "\n"
      << pad("test", width) << "  verdict  " << right("time", 8) << "  " << right("memory", 10) << "  note\n";
  for (const TestRow& t : m.tests) {
    const std::string v = verdict_text(t.verdict);
    out << pad(clean_text(t.name), width) << "  " << paint.verdict(t.verdict)
        << std::string(9 - std::min<std::size_t>(8, v.size()), ' ')
        << right(std::to_string(t.time_ms.value_or(0)), 5) << " ms  "
        << right(std::to_string(t.memory_kb.value_or(0) / 1024), 7) << " MiB  " << clean_text(t.message)
        << "\n";
  }
  for (const TestRow& t : m.tests) {
    for (const auto& [label, text] : t.diff) {
      out << "\n"
          << paint(clean_text(t.name) + ": output differs", "33;1") << "\n"
          << clean_text(text) << "\n";
    }
  }
}

}  // namespace

std::string render_terminal(const Model& m, bool color) {
  const Paint paint{color};
  std::ostringstream out;
  out << paint(clean_text(m.exercise_title), "1") << " (" << clean_text(m.exercise_id) << ")\n";
  if (m.compile_status != CompileStatus::OK) {
    out << "\n" << paint("compilation failed", "31;1") << "\n" << clean_text(m.compile_output) << "\n";
  }
  if (!m.warnings.empty()) {
    out << "\n" << paint("warnings", "33;1") << "\n";
    for (const WarningRow& w : m.warnings) {
      out << "  line " << w.line.value_or(0) << ":" << w.column.value_or(0) << "  " << clean_text(w.message);
      if (!w.option.empty()) out << " [" << clean_text(w.option) << "]";
      out << "\n";
    }
  }
  if (m.compile_status == CompileStatus::OK && !m.tests.empty()) tests_table(out, m, paint);
  if (!m.error.empty()) out << "\n" << paint("judge error: ", "31;1") << clean_text(m.error) << "\n";
  out << "\nverdict " << paint.verdict(m.verdict) << "   passed " << format_number(m.passed) << "/"
      << format_number(m.total);
  if (m.max_points != m.total)
    out << "   points " << format_number(m.points) << "/" << format_number(m.max_points);
  out << "\n";
  return out.str();
}

}  // namespace proctor::report
