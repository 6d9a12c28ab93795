#include "report/terminal.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "report/escape.hpp"
#include "report/signals.hpp"

namespace proctor::report {
namespace {

constexpr const char* kLostBufferHint =
    "(a killed program loses what is still in its stdout buffer: fflush(stdout) after a debug printf, "
    "or print debug lines to stderr)";

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

// "stdout (37 bytes)" and the text, each line indented; a note when it was cut or is empty. After an
// output limit (`capped`), the sandbox kept only a little past the limit of what the program wrote, so
// the size is a lower bound.
void excerpt_block(std::ostringstream& out, const std::string& label, const runner::Excerpt& e,
                   const Paint& paint, bool capped = false) {
  out << paint(label, "1");
  if (e.bytes == 0) {
    out << ": (empty)\n";
    return;
  }
  const std::string size = (capped ? "at least " : "") + std::to_string(e.bytes) + " bytes";
  out << (e.truncated ? " (first " + std::to_string(e.text.size()) + " of " + size + ")" : " (" + size + ")")
      << ":\n";
  std::istringstream lines(clean_text(e.text));
  for (std::string line; std::getline(lines, line);) out << "  | " << line << "\n";
  if (e.truncated) {
    out << "  " << paint("... cut here", "2") << "\n";
  } else if (e.text.back() != '\n') {
    out << "  " << paint("(no newline at the end)", "2") << "\n";
  }
}

// Why a sample failed: its input, the diff, what the program printed.
void failing_sample(std::ostringstream& out, const TestRow& t, const Paint& paint) {
  if (t.diff.empty() && !t.input && !t.stdout_excerpt && !t.stderr_excerpt) return;
  out << "\n" << paint(clean_text(t.name) + ": " + verdict_text(t.verdict), "33;1");
  if (!t.message.empty()) out << "  " << clean_text(t.message);
  out << "\n";
  if (t.input) excerpt_block(out, "input", *t.input, paint);
  for (const auto& [label, text] : t.diff) {
    const std::string diff = clean_text(text);
    out << paint("output differs", "1") << ":\n" << diff << (diff.empty() || diff.back() != '\n' ? "\n" : "");
  }
  const bool capped = t.verdict == Verdict::OLE;
  if (t.stdout_excerpt) excerpt_block(out, "stdout", *t.stdout_excerpt, paint, capped);
  // The classic surprise: stdout into a file is fully buffered, and a killed program never flushes it.
  if (t.stdout_excerpt && t.stdout_excerpt->bytes == 0 && t.signal) {
    out << "  " << paint(kLostBufferHint, "2") << "\n";
  }
  if (t.stderr_excerpt) excerpt_block(out, "stderr", *t.stderr_excerpt, paint, capped);
}

void compile_section(std::ostringstream& out, CompileStatus status, const std::string& output,
                     const std::vector<WarningRow>& warnings, const Paint& paint) {
  if (status != CompileStatus::OK) {
    out << "\n" << paint("compilation failed", "31;1") << "\n" << clean_text(output) << "\n";
  }
  if (!warnings.empty()) {
    out << "\n" << paint("warnings", "33;1") << "\n";
    for (const WarningRow& w : warnings) {
      // "my sol.c:12:5", as gcc says it: a terminal or editor can jump there.
      out << "  " << (w.file.empty() ? "line " : clean_text(w.file) + ":") << w.line.value_or(0) << ":"
          << w.column.value_or(0) << "  " << clean_text(w.message);
      if (!w.option.empty()) out << " [" << clean_text(w.option) << "]";
      out << "\n";
    }
  }
}

// Every failing sample's details, or (compact) the first one's only.
void tests_table(std::ostringstream& out, const Model& m, const Paint& paint, bool compact = false) {
  std::size_t width = 4;
  for (const TestRow& t : m.tests) width = std::max(width, clean_text(t.name).size());
  out << "\n"
      << pad("test", width) << "  verdict  " << right("time", 8) << "  " << right("memory", 10) << "  note\n";
  for (const TestRow& t : m.tests) {
    const std::string v = verdict_text(t.verdict);
    out << pad(clean_text(t.name), width) << "  " << paint.verdict(t.verdict)
        << std::string(9 - std::min<std::size_t>(8, v.size()), ' ') << right(format_time(t.time), 8) << "  "
        << right(format_kb(t.memory_kb.value_or(0)), 10) << "  " << clean_text(t.message) << "\n";
  }
  for (const TestRow& t : m.tests) {
    const auto before = static_cast<long long>(out.tellp());
    failing_sample(out, t, paint);
    if (compact && static_cast<long long>(out.tellp()) != before) break;
  }
}

}  // namespace

std::string render_terminal(const Model& m, bool color) {
  const Paint paint{color};
  std::ostringstream out;
  out << paint(clean_text(m.exercise_title), "1") << " (" << clean_text(m.exercise_id) << ")\n";
  compile_section(out, m.compile_status, m.compile_output, m.warnings, paint);
  if (m.compile_status == CompileStatus::OK && !m.tests.empty()) tests_table(out, m, paint);
  if (m.signals) signals_text(out, *m.signals);
  if (!m.error.empty()) out << "\n" << paint("judge error: ", "31;1") << clean_text(m.error) << "\n";
  out << "\nverdict " << paint.verdict(m.verdict) << "   passed " << format_number(m.passed) << "/"
      << format_number(m.total);
  if (m.max_points != m.total)
    out << "   points " << format_number(m.points) << "/" << format_number(m.max_points);
  out << "\n";
  return out.str();
}

std::string render_watch_screen(const Model& m, bool color) {
  const Paint paint{color};
  std::ostringstream out;
  out << paint(clean_text(m.exercise_title), "1") << ": verdict " << paint.verdict(m.verdict) << "   passed "
      << format_number(m.passed) << "/" << format_number(m.total) << "\n";
  compile_section(out, m.compile_status, m.compile_output, m.warnings, paint);
  if (m.compile_status == CompileStatus::OK && !m.tests.empty()) tests_table(out, m, paint, true);
  if (m.signals) signals_text(out, *m.signals);
  if (!m.error.empty()) out << "\n" << paint("judge error: ", "31;1") << clean_text(m.error) << "\n";
  return out.str();
}

std::string render_custom_run(const runner::CustomRunResult& r, const std::string& exercise_title,
                              const std::string& exercise_id, bool color) {
  const Paint paint{color};
  std::ostringstream out;
  out << paint(clean_text(exercise_title), "1") << " (" << clean_text(exercise_id) << "): your input, "
      << r.input_bytes << " bytes\n";
  std::vector<WarningRow> warnings;
  for (const runner::CompileWarning& w : r.compile.warnings) {
    warnings.push_back({w.file, w.line, w.column, w.message, w.option.value_or("")});
  }
  compile_section(out, r.compile.status, r.compile.output, warnings, paint);
  if (r.ran) {
    out << "\n";
    const bool capped = r.status == sandbox::Status::ole;
    excerpt_block(out, "stdout", r.stdout_excerpt, paint, capped);
    if (r.stdout_excerpt.bytes == 0 && r.signal) out << "  " << paint(kLostBufferHint, "2") << "\n";
    excerpt_block(out, "stderr", r.stderr_excerpt, paint, capped);
    const bool ok = r.status == sandbox::Status::ok;
    out << "\nstatus " << paint(sandbox::to_string(r.status), ok ? "32;1" : "31;1");
    if (!r.message.empty()) out << "  " << clean_text(r.message);
    out << "\ntime   " << format_time(r.time) << " CPU, " << format_time(r.wall) << " wall (limits "
        << format_ms(r.limits.time_ms) << " CPU, " << format_ms(r.limits.wall_ms) << " wall)\n"
        << "memory " << format_kb(r.memory_kb) << " (limit " << format_kb(r.limits.memory_mb * 1024) << ")\n";
    if (r.exit_code) out << "exit code " << *r.exit_code << "\n";
  }
  if (r.error) out << "\n" << paint("judge error: ", "31;1") << clean_text(*r.error) << "\n";
  return out.str();
}

}  // namespace proctor::report
