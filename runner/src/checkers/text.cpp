#include "checkers/text.hpp"

#include <cstdio>

namespace proctor::runner::checkers {
namespace {

// Length of the valid UTF-8 sequence at text[i], 0 when invalid (overlong, surrogate, truncated).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  unsigned char b0 = byte(0);
  std::size_t length = b0 < 0x80                    ? 1
                       : (b0 >= 0xc2 && b0 <= 0xdf) ? 2
                       : (b0 >= 0xe0 && b0 <= 0xef) ? 3
                       : (b0 >= 0xf0 && b0 <= 0xf4) ? 4
                                                    : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xc0) != 0x80) return 0;
  }
  if (length == 3 && ((b0 == 0xe0 && byte(1) < 0xa0) || (b0 == 0xed && byte(1) >= 0xa0))) return 0;
  if (length == 4 && ((b0 == 0xf0 && byte(1) < 0x90) || (b0 == 0xf4 && byte(1) >= 0x90))) return 0;
  return length;
}

void hex_byte(std::string& out, unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
  out += buffer;
}

}  // namespace

std::string escape(std::string_view text, std::size_t max_chars, Escape mode, bool* cut) {
  std::string out;
  if (cut) *cut = false;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (chars == max_chars) {
      out += "…";
      if (cut) *cut = true;
      break;
    }
    ++chars;
    char c = text[i];
    if (mode == Escape::line && c == ' ') {
      out += "·";
    } else if (mode == Escape::line && c == '\t') {
      out += "→";
    } else if (mode == Escape::line && c == '\n') {
      out += "⏎";
    } else if (mode == Escape::line && c == '\r') {
      out += "␍";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      hex_byte(out, static_cast<unsigned char>(c));
    } else if (std::size_t length = utf8_length(text, i)) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    } else {
      hex_byte(out, static_cast<unsigned char>(c));
    }
    ++i;
  }
  return out;
}

std::string quote(std::string_view token) {
  constexpr std::size_t kMax = 40;
  std::string out = "\"" + escape(token, kMax, Escape::token) + "\"";
  if (token.size() > kMax) out += " (" + std::to_string(token.size()) + " bytes)";
  return out;
}

Position position_of(std::string_view text, std::size_t offset) {
  Position pos;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  pos.column = offset - line_start + 1;
  return pos;
}

}  // namespace proctor::runner::checkers
