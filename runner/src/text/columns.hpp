#pragma once
// Plain-text tables: a cell padded to its column's width.
#include <cstddef>
#include <string>

namespace proctor::text {

// At least one blank after `s`, so that a long cell never runs into the next one. The width is counted
// in characters (UTF-8 code points), so a cell holding "µs" or an accented name still lines up.
inline std::string pad(const std::string& s, std::size_t width) {
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xc0) != 0x80;
  return s + std::string(points < width ? width - points : 1, ' ');
}

}  // namespace proctor::text
