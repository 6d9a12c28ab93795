// Excerpts of what a candidate's program printed and of a sample's input; units that read well.
#include "execute/excerpt.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "c_program.hpp"
#include "execute/test_run.hpp"
#include "text/units.hpp"

using proctor::runner::excerpt_of_file;
using proctor::runner::excerpt_of_text;
using proctor::runner::first_lines_of_file;

TEST(Excerpt, ShortTextIsWholeAndUnmarked) {
  auto e = excerpt_of_text("hello\n", 6, 1024);
  EXPECT_EQ(e.text, "hello\n");
  EXPECT_EQ(e.bytes, 6u);
  EXPECT_FALSE(e.truncated);
}

TEST(Excerpt, CutKeepsWholeCharactersOnly) {
  // "aé" repeated: the bound 4 falls inside the second é.
  const std::string text =
      "a\xc3\xa9"
      "a\xc3\xa9";
  auto e = excerpt_of_text(text, text.size(), 4);
  EXPECT_EQ(e.text,
            "a\xc3\xa9"
            "a");
  EXPECT_TRUE(e.truncated);
  EXPECT_EQ(e.bytes, 6u);
  // Exactly on a boundary: the character before it stays.
  EXPECT_EQ(excerpt_of_text(text, text.size(), 3).text, "a\xc3\xa9");
}

TEST(Excerpt, InvalidBytesAreReplacedWhetherCutOrNot) {
  auto whole = excerpt_of_text("x\xff y \xe2\x82", 7, 1024);
  EXPECT_EQ(whole.text, "x\xef\xbf\xbd y \xef\xbf\xbd") << "a program's own cut character is shown as one";
  EXPECT_FALSE(whole.truncated);
  auto cut = excerpt_of_text(
      "\xff"
      "a"
      "\xff"
      "b",
      4, 2);
  EXPECT_EQ(cut.text,
            "\xef\xbf\xbd"
            "a");
  EXPECT_TRUE(cut.truncated);
}

TEST(Excerpt, FilesAreReadBoundedAndMissingOnesAreEmpty) {
  proctor::test::TempDirectory tmp;
  const auto file = tmp.path() / "out";
  proctor::test::write_text(file, std::string(5000, 'x'));
  auto e = excerpt_of_file(file, 1024);
  EXPECT_EQ(e.text, std::string(1024, 'x'));
  EXPECT_EQ(e.bytes, 5000u);
  EXPECT_TRUE(e.truncated);
  auto missing = excerpt_of_file(tmp.path() / "none", 1024);
  EXPECT_EQ(missing.bytes, 0u);
  EXPECT_FALSE(missing.truncated);
}

TEST(Excerpt, FirstLinesStopAfterWholeLines) {
  proctor::test::TempDirectory tmp;
  const auto file = tmp.path() / "in";
  proctor::test::write_text(file, "1\n2\n3\n4\n");
  auto two = first_lines_of_file(file, 2, 1024);
  EXPECT_EQ(two.text, "1\n2\n");
  EXPECT_TRUE(two.truncated);
  EXPECT_EQ(two.bytes, 8u);
  auto all = first_lines_of_file(file, 4, 1024);
  EXPECT_EQ(all.text, "1\n2\n3\n4\n");
  EXPECT_FALSE(all.truncated);
  // A line longer than the bound is cut at the bound.
  proctor::test::write_text(file, std::string(3000, 'y') + "\n2\n");
  auto longline = first_lines_of_file(file, 10, 1024);
  EXPECT_EQ(longline.text, std::string(1024, 'y'));
  EXPECT_TRUE(longline.truncated);
}

TEST(Units, MemoryBelowOneMibReadsInKib) {
  EXPECT_EQ(proctor::text::format_memory_kb(0), "0 KiB");
  EXPECT_EQ(proctor::text::format_memory_kb(812), "812 KiB");
  EXPECT_EQ(proctor::text::format_memory_kb(1024), "1 MiB");
  EXPECT_EQ(proctor::text::format_memory_kb(1536), "1.5 MiB");
  EXPECT_EQ(proctor::text::format_memory_kb(256 * 1024), "256 MiB");
}

TEST(Units, TimesInMsThenSeconds) {
  EXPECT_EQ(proctor::text::format_time_ms(999), "999 ms");
  EXPECT_EQ(proctor::text::format_time_ms(12345), "12.3 s");
  EXPECT_EQ(proctor::text::format_time_ms(19999), "19.9 s") << "floored, like every figure";
}

// Most tests run well under a millisecond: they read as what they took, never as "0 ms". Every digit
// is a floored digit of the measurement, so 999 us is not "1.00 ms". The examples are a table shared
// with the candidate page's copy of the rule (tests/web/time_format_test.js).
TEST(Units, MeasuredTimesShowTheirFractionBelowTenMs) {
  using proctor::text::format_time_us;
  std::ifstream table(std::string(PROCTOR_SOURCE_DIR) + "/tests/data/time_format_cases.txt");
  int cases = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    EXPECT_EQ(format_time_us(std::stoull(line.substr(0, tab))), line.substr(tab + 1)) << line;
    ++cases;
  }
  EXPECT_GE(cases, 10) << "tests/data/time_format_cases.txt";
  EXPECT_EQ(format_time_us(UINT64_MAX), "18446744073709.5 s");
}

// An old result knows only whole, floored milliseconds: 0 means "under a millisecond", no more.
TEST(Units, FlooredMillisecondsSayOnlyWhatIsKnown) {
  EXPECT_EQ(proctor::text::format_floored_ms(0), "<1 ms");
  EXPECT_EQ(proctor::text::format_floored_ms(3), "3 ms");
  EXPECT_EQ(proctor::text::format_floored_ms(12345), "12.3 s");
}

// A limit is never said to be exceeded by a figure under it.
TEST(RunMessage, ShowsTheMeasuredValueAndTheLimit) {
  proctor::runner::ExerciseLimits limits;
  limits.time_ms = 1000;
  limits.memory_mb = 64;
  proctor::sandbox::RunReport r;
  r.status = proctor::sandbox::Status::tle;
  r.limit = "cpu";
  r.cpu_us = 999'999;
  EXPECT_EQ(proctor::runner::run_message(r, limits),
            "stopped at the CPU time limit of 1000 ms (measured 999 ms)");
  r.cpu_us = 1'012'400;
  EXPECT_EQ(proctor::runner::run_message(r, limits), "CPU time 1012 ms exceeded the limit of 1000 ms");
  r.limit = "wall";
  r.wall_us = 3'000'000;
  limits.wall_ms = 3000;
  EXPECT_EQ(proctor::runner::run_message(r, limits),
            "stopped at the wall time limit of 3000 ms (measured 3000 ms)");
  r.status = proctor::sandbox::Status::mle;
  r.memory_kb = 60 * 1024 + 512;
  EXPECT_EQ(proctor::runner::run_message(r, limits),
            "stopped at the memory limit of 64 MiB (measured 60.5 MiB)");
  r.memory_kb = 0;
  EXPECT_EQ(proctor::runner::run_message(r, limits),
            "the program does not fit in the memory limit of 64 MiB");
}
