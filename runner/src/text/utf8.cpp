#include "text/utf8.hpp"

#include <algorithm>

namespace proctor::text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// At s[i]: how many bytes follow the well-formed pattern (RFC 3629, Unicode table 3-7) and how many
// the character needs. matched == need: a valid character; otherwise the first max(1, matched)
// bytes are one maximal ill-formed subpart, replaced by one U+FFFD.
struct Scan {
  std::size_t matched = 0, need = 1;
};

Scan scan(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {1, 1};
  Scan r;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    r.need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    r.need = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    r.need = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {0, 1};
  }
  r.matched = 1;
  while (r.matched < r.need && i + r.matched < s.size()) {
    const unsigned char b = byte(i + r.matched);
    const bool ok = r.matched == 1 ? (b >= lo && b <= hi) : (b & 0xC0) == 0x80;
    if (!ok) break;
    ++r.matched;
  }
  return r;
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const Scan r = scan(s, i);
    if (r.matched == r.need) {
      out.append(s.substr(i, r.need));
    } else {
      out.append(kReplacement);
    }
    i += r.matched == 0 ? 1 : r.matched;
  }
  return out;
}

std::size_t utf8_cut(std::string_view s, std::size_t limit) {
  limit = std::min(limit, s.size());
  // Find where the last character before the cut starts (at most three continuation bytes back), and
  // keep it only when all its bytes are inside the cut. The text may itself end in a cut character.
  std::size_t start = limit;
  while (start > 0 && limit - start < 3 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return limit;
  const unsigned char lead = static_cast<unsigned char>(s[start - 1]);
  if (lead < 0xC0) return limit;  // ASCII, or not UTF-8 at all: nothing to keep whole
  const std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  return limit - (start - 1) < need ? start - 1 : limit;
}

}  // namespace proctor::text
