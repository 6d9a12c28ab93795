// The Kattis default output validator (problemtools default_validator.cc), reimplemented on strings:
// - tokens are separated by C-locale whitespace and compared case-insensitively (ASCII) unless
//   case_sensitive;
// - space_change_sensitive: every whitespace run of the answer must appear byte for byte in the output,
//   and the output may have no whitespace beyond it (so trailing spaces and a missing final newline fail);
// - with a tolerance, an answer token that is a finite number (the whole token parses as a double:
//   "1e3", "0x10", ".5") accepts an output number v with |a-v| <= abs or |a-v| <= rel*|a|; an answer
//   token that is not a finite number ("nan", "inf", "abc") is compared as a string, as Kattis does.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "checkers/checkers.hpp"
#include "checkers/text.hpp"

namespace proctor::runner::checkers {
namespace {

// Same acceptance as Kattis' sscanf("%lf%10s") == 1 followed by its isinf/isnan rejection.
bool finite_number(std::string_view token, double& value) {
  std::string copy(token);
  char* end = nullptr;
  value = std::strtod(copy.c_str(), &end);
  return !copy.empty() && end == copy.c_str() + copy.size() && std::isfinite(value);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

std::string number_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool at_end() const { return pos_ == text_.size(); }
  bool at_space() const { return !at_end() && is_space(text_[pos_]); }
  char get() { return text_[pos_++]; }
  std::size_t pos() const { return pos_; }
  void skip_space() {
    while (at_space()) ++pos_;
  }
  std::string_view token() {
    std::size_t start = pos_;
    while (!at_end() && !is_space(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::string where(std::size_t offset) const {
    Position p = position_of(text_, offset);
    return "output line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::size_t count_tokens(std::string_view text) {
  Scanner s(text);
  std::size_t n = 0;
  for (s.skip_space(); !s.at_end(); s.skip_space()) {
    s.token();
    ++n;
  }
  return n;
}

CheckResult wrong(std::string message) {
  return {CheckVerdict::wrong_answer, std::move(message)};
}

std::string visible_char(char c) {
  return "\"" + escape(std::string_view(&c, 1), 1, Escape::line) + "\"";
}

}  // namespace

CheckResult check_tokens(const CheckerSpec& spec, const std::string& answer, const std::string& output) {
  // "float" without tolerances means 1e-6 both ways; "tokens" uses numbers only when told to.
  std::optional<double> abs_tol = spec.abs_tolerance;
  std::optional<double> rel_tol = spec.rel_tolerance;
  if (spec.type == "float" && !abs_tol && !rel_tol) abs_tol = rel_tol = 1e-6;
  bool use_numbers = abs_tol || rel_tol;

  Scanner judge(answer);
  Scanner team(output);
  for (std::size_t index = 1;; ++index) {
    while (judge.at_space()) {
      char expected = judge.get();
      if (!spec.space_change_sensitive) continue;
      std::size_t at = team.pos();
      if (team.at_end())
        return wrong("whitespace differs at " + team.where(at) + ": expected " + visible_char(expected) +
                     ", got end of output");
      char got = team.get();
      if (got != expected) {
        return wrong("whitespace differs at " + team.where(at) + ": expected " + visible_char(expected) +
                     ", got " + visible_char(got));
      }
    }
    if (spec.space_change_sensitive && team.at_space()) {
      return wrong("whitespace differs at " + team.where(team.pos()) + ": extra " +
                   visible_char(team.text()[team.pos()]));
    }
    team.skip_space();

    if (judge.at_end()) break;
    std::string_view expected = judge.token();
    if (team.at_end()) {
      std::size_t total = count_tokens(answer);
      std::string next = "expected " + std::to_string(total) + " tokens, next " + quote(expected);
      if (index == 1)
        return wrong(output.empty() ? "output is empty (" + next + ")"
                                    : "output has no tokens (" + next + ")");
      return wrong("output has too few tokens: it ends after token " + std::to_string(index - 1) + " (" +
                   next + ")");
    }
    std::size_t at = team.pos();
    std::string_view got = team.token();
    // Built only on failure: where() scans the output from its start.
    auto prefix = [&] { return "token " + std::to_string(index) + " (" + team.where(at) + "): "; };

    double a = 0;
    double b = 0;
    if (use_numbers && finite_number(expected, a)) {
      if (!finite_number(got, b))
        return wrong(prefix() + "expected a number close to " + quote(expected) + ", got " + quote(got));
      double diff = std::fabs(a - b);
      bool abs_ok = abs_tol && diff <= *abs_tol;
      bool rel_ok = rel_tol && diff <= *rel_tol * std::fabs(a);
      if (!abs_ok && !rel_ok) {
        std::string tolerance = (abs_tol ? "abs " + number_text(*abs_tol) : "") +
                                (abs_tol && rel_tol ? ", " : "") +
                                (rel_tol ? "rel " + number_text(*rel_tol) : "");
        return wrong(prefix() + "expected " + quote(expected) + ", got " + quote(got) + " (difference " +
                     number_text(diff) + " exceeds " + tolerance + ")");
      }
    } else if (spec.case_sensitive ? expected != got : !equal_ignoring_case(expected, got)) {
      return wrong(prefix() + "expected " + quote(expected) + ", got " + quote(got));
    }
  }
  if (!team.at_end()) {
    std::size_t at = team.pos();
    std::string_view extra = team.token();
    return wrong("output has extra tokens: expected " + std::to_string(count_tokens(answer)) + ", then got " +
                 quote(extra) + " at " + team.where(at));
  }
  return {CheckVerdict::accepted, ""};
}

}  // namespace proctor::runner::checkers
