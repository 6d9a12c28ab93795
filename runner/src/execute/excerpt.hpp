#pragma once
// Excerpts of files a candidate may see (a sample's input, their program's stdout and stderr): bounded
// reads, cut on a character boundary, invalid bytes replaced, marked when cut.
#include <cstddef>
#include <filesystem>
#include <string_view>

#include "proctor/runner/result.hpp"

namespace proctor::runner {

// The first `max_bytes` bytes of `text`, whose whole size is `total` (at least text.size()).
Excerpt excerpt_of_text(std::string_view text, std::uint64_t total, std::size_t max_bytes);

// The first `max_bytes` bytes of a file (read without following a link; a file that cannot be read is
// empty).
Excerpt excerpt_of_file(const std::filesystem::path& file, std::size_t max_bytes);

// The first `max_lines` lines of a file, and at most `max_bytes` bytes of them.
Excerpt first_lines_of_file(const std::filesystem::path& file, std::size_t max_lines, std::size_t max_bytes);

}  // namespace proctor::runner
