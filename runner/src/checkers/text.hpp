#pragma once
// Text helpers for checker messages and diffs. Everything the candidate printed may be binary junk, but
// messages end up in the JSON result, which must be valid UTF-8: so every byte goes through escape().
#include <cstddef>
#include <string>
#include <string_view>

namespace proctor::runner::checkers {

// C-locale isspace: space, \t, \n, \v, \f, \r (what the Kattis default validator splits on).
inline bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

enum class Escape {
  token,  // control characters and invalid UTF-8 as \xNN
  line,   // also whitespace made visible: · for space, → for tab, ␍ for CR, ⏎ for LF
};

// At most `max_chars` characters of `text`, escaped; "…" marks a cut, also reported through `cut`.
std::string escape(std::string_view text, std::size_t max_chars, Escape mode, bool* cut = nullptr);

// A token for a message: "text" quoted, cut at 40 characters with its byte count.
std::string quote(std::string_view token);

// 1-based line and column (in bytes) of `offset` in `text`.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};
Position position_of(std::string_view text, std::size_t offset);

}  // namespace proctor::runner::checkers
