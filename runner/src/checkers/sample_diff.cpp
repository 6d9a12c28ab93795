// sample_diff: what a candidate sees for a failing sample. Shows the first differing line of both texts
// with whitespace made visible, two lines of context before and two after, all bounded in size:
//
//   first difference at line 3, column 2
//            2 | 1·2⏎
//   expected 3 | 15⏎
//        got 3 | 16⏎
//   expected 4 | 7⏎
//        got 4 | <EOF>
//
// · is a space, → a tab, ␍ a carriage return, ⏎ the end of a line, <EOF> where the text ends.
#include <algorithm>
#include <vector>

#include "checkers/text.hpp"
#include "proctor/runner/checker.hpp"

namespace proctor::runner {
namespace {

using checkers::Escape;

constexpr std::size_t kContextBefore = 2;
constexpr std::size_t kLinesAfter = 2;
constexpr std::size_t kLineChars = 100;  // characters shown per line
constexpr std::size_t kLead = 30;        // characters kept before the difference in a cut line

struct Line {
  std::string_view text;  // without its '\n'
  bool newline = false;
  bool exists = false;  // false: past the end of the text
};

// Line `n` (0-based) counted from `start`, where `start` is the beginning of a line.
std::vector<Line> lines_from(std::string_view text, std::size_t start, std::size_t count) {
  std::vector<Line> out;
  std::size_t pos = start;
  for (std::size_t i = 0; i < count; ++i) {
    if (pos >= text.size()) {  // a line exists only if at least one byte of it does
      out.push_back({});
      continue;
    }
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      out.push_back({text.substr(pos), false, true});
      pos = text.size();
    } else {
      out.push_back({text.substr(pos, end - pos), true, true});
      pos = end + 1;
    }
  }
  return out;
}

// Start of the line before the one starting at `start` (> 0).
std::size_t previous_line_start(std::string_view text, std::size_t start) {
  if (start < 2) return 0;
  std::size_t newline = text.rfind('\n', start - 2);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

std::string show(const Line& line, std::size_t from_column) {
  if (!line.exists) return "<EOF>";
  std::string_view text = line.text;
  std::string out;
  if (from_column > kLead && text.size() > kLineChars) {
    // The difference is far right: start near it rather than show only the identical beginning.
    std::size_t skip = std::min(from_column - kLead, text.size());
    while (skip > 0 && skip < text.size() && (static_cast<unsigned char>(text[skip]) & 0xc0) == 0x80) --skip;
    text.remove_prefix(skip);
    out = "…";
  }
  bool cut = false;
  out += checkers::escape(text, kLineChars, Escape::line, &cut);
  if (!cut) out += line.newline ? "⏎" : "<EOF>";
  return out;
}

}  // namespace

std::string sample_diff(const std::string& expected, const std::string& got) {
  auto [e, g] = std::mismatch(expected.begin(), expected.end(), got.begin(), got.end());
  if (e == expected.end() && g == got.end()) return "";
  auto at = static_cast<std::size_t>(e - expected.begin());
  std::string_view exp(expected);
  std::string_view out(got);

  // The texts agree up to `at`, so the differing line starts at the same offset in both.
  std::size_t line_start = exp.substr(0, at).rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  checkers::Position pos = checkers::position_of(exp, at);

  std::size_t first_context = pos.line > kContextBefore ? pos.line - kContextBefore : 1;
  std::size_t context_start = line_start;
  for (std::size_t n = pos.line; n > first_context; --n)
    context_start = previous_line_start(exp, context_start);

  std::size_t width = std::to_string(pos.line + kLinesAfter).size();
  auto number = [&](std::size_t n) {
    std::string s = std::to_string(n);
    return std::string(width - s.size(), ' ') + s;
  };

  std::string diff = "first difference at line " + std::to_string(pos.line) + ", column " +
                     std::to_string(pos.column) + "\n";
  std::vector<Line> before = lines_from(exp, context_start, pos.line - first_context);
  for (std::size_t i = 0; i < before.size(); ++i) {
    diff += "         " + number(first_context + i) + " | " + show(before[i], 0) + "\n";
  }
  std::vector<Line> exp_lines = lines_from(exp, line_start, kLinesAfter + 1);
  std::vector<Line> got_lines = lines_from(out, line_start, kLinesAfter + 1);
  for (std::size_t i = 0; i <= kLinesAfter; ++i) {
    const Line& x = exp_lines[i];
    const Line& y = got_lines[i];
    if (i > 0 && !x.exists && !y.exists) break;
    std::size_t column = i == 0 ? pos.column : 0;
    if (i > 0 && x.exists == y.exists && x.newline == y.newline && x.text == y.text) {
      diff += "         " + number(pos.line + i) + " | " + show(x, 0) + "\n";
      continue;
    }
    diff += "expected " + number(pos.line + i) + " | " + show(x, column) + "\n";
    diff += "     got " + number(pos.line + i) + " | " + show(y, column) + "\n";
  }
  return diff;
}

}  // namespace proctor::runner
