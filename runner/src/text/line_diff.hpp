#pragma once
// Line diffs between two versions of a source file (playback, `session diff`, the report). A longest
// common subsequence over lines after trimming the common head and tail; past kMaxDiffCells (two very
// different large files) the middle is shown as removed then added, never a wrong diff.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace proctor::text {

enum class DiffOp { same, removed, added };

struct DiffLine {
  DiffOp op = DiffOp::same;
  std::string text;  // without its newline
  int old_line = 0;  // 1-based; 0 for an added line
  int new_line = 0;  // 1-based; 0 for a removed line
};

// Every line of both texts, in order.
std::vector<DiffLine> line_diff(std::string_view old_text, std::string_view new_text);

// A hunk: changed lines with up to `context` unchanged lines around them.
struct DiffHunk {
  int old_start = 0, old_count = 0, new_start = 0, new_count = 0;
  std::vector<DiffLine> lines;
};
std::vector<DiffHunk> diff_hunks(const std::vector<DiffLine>& lines, std::size_t context = 3);

// Unified diff text ("--- a", "+++ b", "@@ -1,3 +1,4 @@" ...); empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_label,
                         const std::string& new_label, std::size_t context = 3);

inline constexpr std::size_t kMaxDiffCells = 16u << 20;

}  // namespace proctor::text
