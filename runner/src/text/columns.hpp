#pragma once
// Plain-text tables: a cell padded to its column's width.
#include <cstddef>
#include <string>

namespace proctor::text {

// At least one blank after `s`, so that a long cell never runs into the next one.
inline std::string pad(const std::string& s, std::size_t width) {
  return s + std::string(s.size() < width ? width - s.size() : 1, ' ');
}

}  // namespace proctor::text
