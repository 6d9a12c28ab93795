#pragma once
// A small C syntax highlighter for the report's source listing: splits C source into spans (keyword,
// type, string, character, number, comment, preprocessor line, plain). Lexing only, no parsing: a
// candidate's broken file (the very case a debrief looks at) is still shown whole, every byte once.
#include <string>
#include <string_view>
#include <vector>

namespace proctor::report {

enum class CToken { plain, keyword, type, string, character, number, comment, preprocessor };

struct CSpan {
  CToken kind = CToken::plain;
  std::string_view text;  // a view into the source given to highlight_c
};

// Concatenating every span's text gives back `source` exactly.
std::vector<CSpan> highlight_c(std::string_view source);

// The CSS class for a token kind ("k", "t", "s", "c", "n", "m", "p"); empty for plain text.
const char* c_token_class(CToken kind);

}  // namespace proctor::report
