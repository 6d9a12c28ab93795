#include "text/line_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace proctor::text {
namespace {

std::vector<std::string_view> diff_split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::vector<DiffLine> line_diff(std::string_view old_text, std::string_view new_text) {
  const std::vector<std::string_view> a = diff_split_lines(old_text), b = diff_split_lines(new_text);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;

  std::vector<DiffLine> out;
  int ol = 0, nl = 0;
  auto same = [&](std::string_view t) { out.push_back({DiffOp::same, std::string(t), ++ol, ++nl}); };
  auto removed = [&](std::string_view t) { out.push_back({DiffOp::removed, std::string(t), ++ol, 0}); };
  auto added = [&](std::string_view t) { out.push_back({DiffOp::added, std::string(t), 0, ++nl}); };

  for (std::size_t i = 0; i < head; ++i) same(a[i]);
  if ((n + 1) * (m + 1) > kMaxDiffCells) {
    for (std::size_t i = 0; i < n; ++i) removed(a[head + i]);
    for (std::size_t j = 0; j < m; ++j) added(b[head + j]);
  } else {
    // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        same(a[head + i++]);
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        removed(a[head + i++]);  // on a tie the removal first, as diff -u writes a change
      } else {
        added(b[head + j++]);
      }
    }
  }
  for (std::size_t k = 0; k < tail; ++k) same(a[a.size() - tail + k]);
  return out;
}

std::vector<DiffHunk> diff_hunks(const std::vector<DiffLine>& lines, std::size_t context) {
  std::vector<DiffHunk> hunks;
  const std::size_t count = lines.size();
  std::size_t i = 0;
  while (i < count) {
    if (lines[i].op == DiffOp::same) {
      ++i;
      continue;
    }
    // A hunk starts `context` lines before the first change and grows while changes are close.
    std::size_t begin = i >= context ? i - context : 0;
    std::size_t end = i;
    while (end < count) {
      if (lines[end].op != DiffOp::same) {
        ++end;
        continue;
      }
      std::size_t run = end;
      while (run < count && lines[run].op == DiffOp::same) ++run;
      if (run == count || run - end > 2 * context) {
        end = std::min(count, end + context);
        break;
      }
      end = run;
    }
    DiffHunk h;
    for (std::size_t k = begin; k < end; ++k) {
      const DiffLine& l = lines[k];
      h.lines.push_back(l);
      if (l.op != DiffOp::added) {
        if (h.old_start == 0) h.old_start = l.old_line;
        ++h.old_count;
      }
      if (l.op != DiffOp::removed) {
        if (h.new_start == 0) h.new_start = l.new_line;
        ++h.new_count;
      }
    }
    // An empty side starts after the line before it, as diff -u writes it.
    if (h.old_start == 0) {
      int before = 0;
      for (std::size_t k = begin; k-- > 0;) {
        if (lines[k].old_line) {
          before = lines[k].old_line;
          break;
        }
      }
      h.old_start = before;
    }
    if (h.new_start == 0) {
      int before = 0;
      for (std::size_t k = begin; k-- > 0;) {
        if (lines[k].new_line) {
          before = lines[k].new_line;
          break;
        }
      }
      h.new_start = before;
    }
    hunks.push_back(std::move(h));
    i = end;
  }
  return hunks;
}

std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_label,
                         const std::string& new_label, std::size_t context) {
  std::vector<DiffHunk> hunks = diff_hunks(line_diff(old_text, new_text), context);
  if (hunks.empty()) return "";
  std::string out = "--- " + old_label + "\n+++ " + new_label + "\n";
  for (const DiffHunk& h : hunks) {
    out += "@@ -" + std::to_string(h.old_start) + "," + std::to_string(h.old_count) + " +" +
           std::to_string(h.new_start) + "," + std::to_string(h.new_count) + " @@\n";
    for (const DiffLine& l : h.lines) {
      out += l.op == DiffOp::same ? ' ' : l.op == DiffOp::removed ? '-' : '+';
      out += l.text + "\n";
    }
  }
  return out;
}

}  // namespace proctor::text
