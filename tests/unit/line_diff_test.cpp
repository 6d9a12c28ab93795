// Line diffs for playback, `session diff` and the report: the minimal edit, hunks with context, and the
// unified format's numbers, on cases small enough to check by hand.
#include "text/line_diff.hpp"

#include <gtest/gtest.h>

namespace {

using proctor::text::diff_hunks;
using proctor::text::DiffOp;
using proctor::text::line_diff;
using proctor::text::unified_diff;

TEST(LineDiff, EqualTextsHaveNoHunks) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x", "y"), "");
  EXPECT_TRUE(diff_hunks(line_diff("a\nb\n", "a\nb\n")).empty());
}

TEST(LineDiff, OneChangedLineInTheMiddle) {
  std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(unified_diff(a, b, "a", "b"),
            "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(LineDiff, KeepsTheLongestCommonSubsequence) {
  auto lines = line_diff("a\nb\nc\nd\n", "a\nc\nd\ne\n");
  std::string ops;
  for (const auto& l : lines) ops += l.op == DiffOp::same ? '=' : l.op == DiffOp::removed ? '-' : '+';
  EXPECT_EQ(ops, "=-==+");
  EXPECT_EQ(lines[1].text, "b");
  EXPECT_EQ(lines[1].old_line, 2);
  EXPECT_EQ(lines[4].new_line, 4);
}

TEST(LineDiff, FarApartChangesMakeTwoHunksAndCloseOnesOne) {
  std::string a, b;
  for (int i = 1; i <= 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(diff_hunks(line_diff(a, b)).size(), 2u);
  std::string c;
  for (int i = 1; i <= 20; ++i) c += (i == 2 || i == 7 ? "x" : std::to_string(i)) + "\n";
  EXPECT_EQ(diff_hunks(line_diff(a, c)).size(), 1u);
}

TEST(LineDiff, InsertionIntoAnEmptyFileStartsAtZero) {
  EXPECT_EQ(unified_diff("", "a\nb\n", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  EXPECT_EQ(unified_diff("a\n", "", "a", "b"), "--- a\n+++ b\n@@ -1,1 +0,0 @@\n-a\n");
}

TEST(LineDiff, HugeDifferentTextsFallBackToRemoveThenAdd) {
  std::string a, b;
  for (int i = 0; i < 5000; ++i) {
    a += "a" + std::to_string(i) + "\n";
    b += "b" + std::to_string(i) + "\n";
  }
  auto lines = line_diff(a, b);
  ASSERT_EQ(lines.size(), 10000u);
  EXPECT_EQ(lines.front().op, DiffOp::removed);
  EXPECT_EQ(lines.back().op, DiffOp::added);
}

}  // namespace
