// The report's C highlighter: every byte kept, in order, and the token kinds a reader expects, including
// on a broken file (an unterminated string or comment).
#include "report/c_highlight.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using proctor::report::CToken;
using proctor::report::highlight_c;

std::string hl_joined(const std::vector<proctor::report::CSpan>& spans) {
  std::string s;
  for (const auto& span : spans) s += span.text;
  return s;
}

CToken hl_kind_of(const std::string& source, const std::string& piece) {
  for (const auto& span : highlight_c(source))
    if (span.text == piece) return span.kind;
  ADD_FAILURE() << "no span '" << piece << "' in " << source;
  return CToken::plain;
}

TEST(CHighlight, KeepsEveryByte) {
  for (const std::string& s :
       {std::string("int main(void) { return 0; }\n"), std::string("\"unterminated\n/* open"),
        std::string("#define X(a) \\\n  (a + 1)\nchar c = '\\'';\n"), std::string(""),
        std::string("\x01\xff\xfe garbage \\")}) {
    EXPECT_EQ(hl_joined(highlight_c(s)), s);
  }
}

TEST(CHighlight, Kinds) {
  const std::string src =
      "#include <stdio.h>\n/* block\n comment */ static unsigned long f(int x) {\n"
      "  // line comment\n  return x > 0x1fUL ? \"a\\\"b\" : 'c';\n}\n";
  EXPECT_EQ(hl_kind_of(src, "#include <stdio.h>"), CToken::preprocessor);
  EXPECT_EQ(hl_kind_of(src, "/* block\n comment */"), CToken::comment);
  EXPECT_EQ(hl_kind_of(src, "static"), CToken::keyword);
  EXPECT_EQ(hl_kind_of(src, "return"), CToken::keyword);
  EXPECT_EQ(hl_kind_of(src, "unsigned"), CToken::type);
  EXPECT_EQ(hl_kind_of(src, "0x1fUL"), CToken::number);
  EXPECT_EQ(hl_kind_of(src, "\"a\\\"b\""), CToken::string);
  EXPECT_EQ(hl_kind_of(src, "'c'"), CToken::character);
  EXPECT_EQ(hl_kind_of(src, "// line comment"), CToken::comment);
}

TEST(CHighlight, HashOnlyStartsADirectiveAtTheStartOfALine) {
  EXPECT_EQ(hl_kind_of("  #if X\n", "#if X"), CToken::preprocessor);
  for (const auto& span : highlight_c("a = b # c;\n")) EXPECT_NE(span.kind, CToken::preprocessor);
}

}  // namespace
