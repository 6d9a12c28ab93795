// "exact": the output must equal the answer byte for byte (whitespace, case and final newline included).
#include <algorithm>

#include "checkers/checkers.hpp"
#include "checkers/text.hpp"

namespace proctor::runner::checkers {
namespace {

constexpr std::size_t kSnippet = 30;

std::string where(std::string_view text, std::size_t offset) {
  Position p = position_of(text, offset);
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

std::string snippet(std::string_view text, std::size_t offset) {
  std::string_view rest = text.substr(offset);
  std::size_t newline = rest.find('\n');
  // Show up to and including the line end, so a difference in line ending is visible.
  std::string_view line = newline == std::string_view::npos ? rest : rest.substr(0, newline);
  // Appended rather than `"\"" + escape(...)`: GCC 12 at -O3 reports a false -Wrestrict on prepending
  // to a temporary string (GCC bug 105651).
  std::string out = "\"";
  out += escape(line, kSnippet, Escape::line);
  if (newline != std::string_view::npos && line.size() <= kSnippet) out += "⏎";
  return out + "\"";
}

}  // namespace

CheckResult check_exact(const std::string& answer, const std::string& output) {
  auto [a, o] = std::mismatch(answer.begin(), answer.end(), output.begin(), output.end());
  if (a == answer.end() && o == output.end()) return {CheckVerdict::accepted, ""};
  auto at = static_cast<std::size_t>(a - answer.begin());
  CheckResult result{CheckVerdict::wrong_answer, ""};
  if (o == output.end()) {
    std::string_view rest = std::string_view(answer).substr(at);
    if (output.empty()) {
      result.message = "output is empty (expected " + std::to_string(answer.size()) + " bytes)";
    } else if (rest == "\n") {
      result.message = "output is missing the final newline";
    } else {
      result.message =
          "output ends early at " + where(output, at) + "; the answer continues with " + snippet(answer, at);
    }
  } else if (a == answer.end()) {
    result.message =
        "output has extra data after the answer ends, at " + where(output, at) + ": " + snippet(output, at);
  } else {
    result.message = "output differs at " + where(output, at) + ": expected " + snippet(answer, at) +
                     ", got " + snippet(output, at);
  }
  return result;
}

}  // namespace proctor::runner::checkers
