#include "report/c_highlight.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace proctor::report {
namespace {

constexpr std::array<std::string_view, 34> kCKeywords = {
    "auto",     "break",     "case",           "const",         "continue", "default",      "do",
    "else",     "enum",      "extern",         "for",           "goto",     "if",           "inline",
    "register", "restrict",  "return",         "sizeof",        "static",   "struct",       "switch",
    "typedef",  "union",     "volatile",       "while",         "_Alignas", "_Alignof",     "_Atomic",
    "_Generic", "_Noreturn", "_Static_assert", "_Thread_local", "alignof",  "static_assert"};

constexpr std::array<std::string_view, 30> kCTypes = {
    "char",    "double",  "float",    "int",      "long",     "short",     "signed",   "unsigned",
    "void",    "_Bool",   "bool",     "size_t",   "ssize_t",  "int8_t",    "int16_t",  "int32_t",
    "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "uintptr_t", "intptr_t", "ptrdiff_t",
    "FILE",    "off_t",   "true",     "false",    "NULL",     "_Complex"};

bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Index just past a quoted literal starting at `i` (the quote), stopping at an unescaped newline.
std::size_t quoted_end(std::string_view s, std::size_t i) {
  const char quote = s[i++];
  while (i < s.size() && s[i] != quote && s[i] != '\n') i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
  return i < s.size() && s[i] == quote ? i + 1 : std::min(i, s.size());
}

}  // namespace

std::vector<CSpan> highlight_c(std::string_view s) {
  std::vector<CSpan> out;
  auto emit = [&](CToken kind, std::size_t from, std::size_t to) {
    if (to <= from) return;
    if (!out.empty() && out.back().kind == kind &&
        out.back().text.data() + out.back().text.size() == s.data() + from) {
      out.back().text = s.substr(out.back().text.data() - s.data(), to - (out.back().text.data() - s.data()));
    } else {
      out.push_back({kind, s.substr(from, to - from)});
    }
  };
  bool line_start = true;  // only white space so far on this line: '#' starts a directive
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    std::size_t j = i + 1;
    CToken kind = CToken::plain;
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t end = s.find("*/", i + 2);
      j = end == std::string_view::npos ? s.size() : end + 2;
      kind = CToken::comment;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      std::size_t end = s.find('\n', i);
      j = end == std::string_view::npos ? s.size() : end;
      kind = CToken::comment;
    } else if (c == '#' && line_start) {
      // A directive runs to the end of the line, with backslash continuations.
      j = i;
      while (j < s.size() && s[j] != '\n') j += (s[j] == '\\' && j + 1 < s.size()) ? 2 : 1;
      kind = CToken::preprocessor;
    } else if (c == '"' || c == '\'') {
      j = quoted_end(s, i);
      kind = c == '"' ? CToken::string : CToken::character;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      while (j < s.size() && (ident_char(s[j]) || s[j] == '.' ||
                              ((s[j] == '+' || s[j] == '-') &&
                               (s[j - 1] == 'e' || s[j - 1] == 'E' || s[j - 1] == 'p' || s[j - 1] == 'P'))))
        ++j;
      kind = CToken::number;
    } else if (ident_start(c)) {
      while (j < s.size() && ident_char(s[j])) ++j;
      std::string_view word = s.substr(i, j - i);
      if (std::find(kCKeywords.begin(), kCKeywords.end(), word) != kCKeywords.end()) {
        kind = CToken::keyword;
      } else if (std::find(kCTypes.begin(), kCTypes.end(), word) != kCTypes.end()) {
        kind = CToken::type;
      }
    }
    emit(kind, i, j);
    for (std::size_t k = i; k < j; ++k) {
      if (s[k] == '\n') {
        line_start = true;
      } else if (s[k] != ' ' && s[k] != '\t') {
        line_start = false;
      }
    }
    i = j;
  }
  return out;
}

const char* c_token_class(CToken kind) {
  switch (kind) {
    case CToken::keyword:
      return "k";
    case CToken::type:
      return "t";
    case CToken::string:
      return "s";
    case CToken::character:
      return "c";
    case CToken::number:
      return "n";
    case CToken::comment:
      return "m";
    case CToken::preprocessor:
      return "p";
    case CToken::plain:
      return "";
  }
  return "";
}

}  // namespace proctor::report
