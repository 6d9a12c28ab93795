#pragma once
// Every string that ends up in a result is valid UTF-8: compiler output, checker messages, diffs and
// paths are bytes the candidate controls, and a JSON document cannot carry invalid UTF-8.
#include <cstddef>
#include <string>
#include <string_view>

namespace proctor::text {

// `s` with every invalid or truncated sequence (stray continuation bytes, overlong forms, surrogates,
// code points above U+10FFFF, a character cut short) replaced by U+FFFD, one per maximal bad subpart.
std::string valid_utf8(std::string_view s);

// The longest prefix of `s` of at most `limit` bytes that does not end inside a UTF-8 character.
std::size_t utf8_cut(std::string_view s, std::size_t limit);

}  // namespace proctor::text
