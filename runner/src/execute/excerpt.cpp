#include "execute/excerpt.hpp"

#include <algorithm>

#include "fs/read_file.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {

Excerpt excerpt_of_text(std::string_view text, std::uint64_t total, std::size_t max_bytes) {
  total = std::max<std::uint64_t>(total, text.size());
  Excerpt e;
  e.bytes = total;
  // Whole: every byte is kept (a character the program itself cut short becomes U+FFFD). Cut: only
  // whole characters are kept, so the mark says "cut here", not "your program printed garbage".
  const std::size_t keep = total <= max_bytes ? text.size() : text::utf8_cut(text, max_bytes);
  e.text = text::valid_utf8(text.substr(0, keep));
  e.truncated = keep < total;
  return e;
}

Excerpt excerpt_of_file(const std::filesystem::path& file, std::size_t max_bytes) {
  // A few bytes more than shown, so that a character straddling the bound is recognised as whole.
  const proctor::fs::Prefix prefix = proctor::fs::read_prefix(file, max_bytes + 4);
  return excerpt_of_text(prefix.bytes, prefix.size, max_bytes);
}

Excerpt first_lines_of_file(const std::filesystem::path& file, std::size_t max_lines, std::size_t max_bytes) {
  const proctor::fs::Prefix prefix = proctor::fs::read_prefix(file, max_bytes + 4);
  std::string_view text = prefix.bytes;
  std::size_t end = 0;
  for (std::size_t line = 0; line < max_lines && end < text.size(); ++line) {
    const std::size_t newline = text.find('\n', end);
    end = newline == std::string_view::npos ? text.size() : newline + 1;
  }
  if (end >= prefix.size) return excerpt_of_text(text, prefix.size, max_bytes);
  // Cut after a whole line (or at the byte bound inside a long one).
  Excerpt e = excerpt_of_text(text.substr(0, end), prefix.size, max_bytes);
  e.truncated = true;
  return e;
}

}  // namespace proctor::runner
