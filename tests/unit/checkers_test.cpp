// Built-in checkers: Kattis default validator semantics for "tokens"/"float", bytes for "exact", and
// the sample diff shown to candidates.
#include <gtest/gtest.h>

#include "proctor/runner/checker.hpp"
#include "proctor/runner/error.hpp"

namespace {

using proctor::runner::check_builtin;
using proctor::runner::CheckerSpec;
using proctor::runner::CheckVerdict;
using proctor::runner::sample_diff;

CheckerSpec spec(const std::string& type = "tokens") {
  CheckerSpec s;
  s.type = type;
  return s;
}

::testing::AssertionResult accepted(const CheckerSpec& s, const std::string& answer,
                                    const std::string& output) {
  auto r = check_builtin(s, answer, output);
  if (r.verdict == CheckVerdict::accepted && r.message.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "not accepted: " << r.message;
}

// Wrong answer whose message contains every fragment.
::testing::AssertionResult wrong(const CheckerSpec& s, const std::string& answer, const std::string& output,
                                 std::initializer_list<std::string> fragments) {
  auto r = check_builtin(s, answer, output);
  if (r.verdict != CheckVerdict::wrong_answer) return ::testing::AssertionFailure() << "verdict is not WA";
  for (const auto& f : fragments) {
    if (r.message.find(f) == std::string::npos) {
      return ::testing::AssertionFailure() << "message \"" << r.message << "\" lacks \"" << f << "\"";
    }
  }
  if (r.message.find('\n') != std::string::npos) return ::testing::AssertionFailure() << "multi-line message";
  return ::testing::AssertionSuccess();
}

TEST(TokensChecker, WhitespaceIsFlexibleByDefault) {
  EXPECT_TRUE(accepted(spec(), "1 2\n3\n", "1    2 3"));
  EXPECT_TRUE(accepted(spec(), "1 2\n", "\n\t1\r\n2  \n\n"));
  EXPECT_TRUE(accepted(spec(), "42\n", "42"));  // missing final newline
  EXPECT_TRUE(accepted(spec(), "", ""));
  EXPECT_TRUE(accepted(spec(), "\n", "  \n"));
}

TEST(TokensChecker, CaseInsensitiveUnlessAsked) {
  EXPECT_TRUE(accepted(spec(), "Yes\n", "YES\n"));
  CheckerSpec s = spec();
  s.case_sensitive = true;
  EXPECT_TRUE(wrong(s, "Yes\n", "YES\n", {"token 1", "expected \"Yes\"", "got \"YES\""}));
}

TEST(TokensChecker, MismatchNamesTokenAndLine) {
  EXPECT_TRUE(wrong(spec(), "1 2\n3 4\n", "1 2\n3 5\n",
                    {"token 4", "output line 2, column 3", "expected \"4\"", "got \"5\""}));
  EXPECT_TRUE(wrong(spec(), "12\n", "1 2\n", {"token 1", "expected \"12\"", "got \"1\""}));
}

TEST(TokensChecker, NumbersAreStringsWithoutTolerance) {
  EXPECT_TRUE(wrong(spec(), "1000\n", "1e3\n", {"expected \"1000\"", "got \"1e3\""}));
  EXPECT_TRUE(wrong(spec(), "1.0\n", "1\n", {"token 1"}));
}

TEST(TokensChecker, ExtraTooFewAndEmpty) {
  EXPECT_TRUE(wrong(spec(), "1 2\n", "1 2 3\n",
                    {"output has extra tokens", "expected 2", "\"3\"", "line 1, column 5"}));
  EXPECT_TRUE(
      wrong(spec(), "1 2 3\n", "1 2\n", {"too few tokens", "after token 2", "expected 3 tokens", "\"3\""}));
  EXPECT_TRUE(wrong(spec(), "1\n", "", {"output is empty", "\"1\""}));
  EXPECT_TRUE(wrong(spec(), "1\n", " \n\n", {"output has no tokens", "\"1\""}));
  EXPECT_TRUE(wrong(spec(), "", "x", {"output has extra tokens", "expected 0"}));
}

TEST(TokensChecker, SpaceChangeSensitive) {
  CheckerSpec s = spec();
  s.space_change_sensitive = true;
  EXPECT_TRUE(accepted(s, "1 2\n3\n", "1 2\n3\n"));
  EXPECT_TRUE(wrong(s, "1 2\n", "1  2\n", {"whitespace differs", "column 3", "extra \"·\""}));
  EXPECT_TRUE(wrong(s, "1 2\n", "1\t2\n", {"whitespace differs", "expected \"·\"", "got \"→\""}));
  EXPECT_TRUE(wrong(s, "1 2\n", "1 2", {"whitespace differs", "got end of output"}));  // final newline
  EXPECT_TRUE(
      wrong(s, "1 2\n", "1 2 \n", {"whitespace differs", "expected \"⏎\"", "got \"·\""}));  // trailing space
  EXPECT_TRUE(wrong(s, "1 2\n", "1 2\n\n", {"whitespace differs", "extra \"⏎\""}));
  EXPECT_TRUE(wrong(s, "1\n", "1\r\n", {"got \"␍\""}));
  s.abs_tolerance = 0.1;
  EXPECT_TRUE(accepted(s, "1.5 2\n", "1.55 2\n"));  // tolerance and spacing combine
}

TEST(TokensChecker, FloatToleranceAsKattis) {
  CheckerSpec s = spec();
  s.abs_tolerance = 1e-6;
  EXPECT_TRUE(accepted(s, "1000\n", "1e3\n"));
  EXPECT_TRUE(accepted(s, "0.5\n", ".5000001\n"));
  EXPECT_TRUE(accepted(s, "16\n", "0x10\n"));  // sscanf %lf reads hex floats too
  EXPECT_TRUE(wrong(s, "1.5\n", "1.6\n",
                    {"token 1", "expected \"1.5\"", "got \"1.6\"", "difference 0.1", "abs 1e-06"}));
  EXPECT_TRUE(wrong(s, "1.5\n", "abc\n", {"expected a number close to \"1.5\"", "got \"abc\""}));
  EXPECT_TRUE(accepted(s, "yes 1.0\n", "YES 1\n"));  // non-numeric tokens stay strings

  CheckerSpec rel = spec();
  rel.rel_tolerance = 1e-3;
  EXPECT_TRUE(accepted(rel, "1000000\n", "1000999\n"));
  EXPECT_TRUE(wrong(rel, "1000000\n", "1001001\n", {"rel 0.001"}));
  EXPECT_TRUE(wrong(rel, "0\n", "1e-300\n", {"token 1"}));  // relative to 0 allows nothing
}

TEST(TokensChecker, NanAndInfAreStringsAsInKattis) {
  // Kattis' isfloat() rejects inf and nan, so such answer tokens compare as (case-insensitive) strings.
  CheckerSpec s = spec("float");
  EXPECT_TRUE(accepted(s, "nan\n", "NaN\n"));
  EXPECT_TRUE(accepted(s, "inf\n", "INF\n"));
  EXPECT_TRUE(wrong(s, "inf\n", "infinity\n", {"expected \"inf\""}));
  EXPECT_TRUE(wrong(s, "nan\n", "0\n", {"expected \"nan\""}));
  // A finite answer is never matched by nan or inf, nor by an overflowing literal.
  EXPECT_TRUE(wrong(s, "1.5\n", "nan\n", {"expected a number close to \"1.5\""}));
  EXPECT_TRUE(wrong(s, "1e308\n", "inf\n", {"expected a number"}));
  EXPECT_TRUE(wrong(s, "1\n", "1e999\n", {"expected a number"}));
}

TEST(FloatChecker, DefaultsToOneMillionth) {
  CheckerSpec s = spec("float");
  EXPECT_TRUE(accepted(s, "3.14159265\n", "3.1415930\n"));
  EXPECT_TRUE(accepted(s, "1e9\n", "1000000999\n"));  // relative 1e-6 of 1e9 is 1000
  EXPECT_TRUE(wrong(s, "3.14159265\n", "3.1416\n", {"token 1", "abs 1e-06, rel 1e-06"}));
  s.abs_tolerance = 0.5;  // only abs given: no relative tolerance, as with Kattis flags
  EXPECT_TRUE(accepted(s, "1\n", "1.4\n"));
  EXPECT_TRUE(wrong(s, "1e9\n", "1000000999\n", {"abs 0.5)"}));
}

TEST(TokensChecker, LongTokensAreTruncatedAndBinaryEscaped) {
  std::string big(5000, 'x');
  auto r = check_builtin(spec(), "y\n", big + "\n");
  ASSERT_EQ(r.verdict, CheckVerdict::wrong_answer);
  EXPECT_LT(r.message.size(), 200u) << r.message;
  EXPECT_NE(r.message.find("…\" (5000 bytes)"), std::string::npos) << r.message;
  r = check_builtin(spec(), "a\n", std::string("\xff\x01\xc3", 3) + "\n");
  EXPECT_NE(r.message.find("got \"\\xff\\x01\\xc3\""), std::string::npos) << r.message;
}

TEST(TokensChecker, HugeOutputs) {
  std::string answer;
  for (int i = 0; i < 200000; ++i) answer += std::to_string(i) + (i % 10 == 9 ? "\n" : " ");
  EXPECT_TRUE(accepted(spec(), answer, answer));
  std::string output = answer;
  output[output.size() - 3] = 'x';  // the last number "199999" becomes "1999x9"
  EXPECT_TRUE(wrong(spec(), answer, output, {"token 200000", "output line 20000", "got \"1999x9\""}));
  EXPECT_TRUE(wrong(spec(), answer, answer + std::string(10 << 20, ' ') + "junk",
                    {"output has extra tokens", "\"junk\""}));
}

TEST(ExactChecker, BytesMustMatch) {
  CheckerSpec s = spec("exact");
  EXPECT_TRUE(accepted(s, "Hello World\n", "Hello World\n"));
  EXPECT_TRUE(wrong(s, "Hello World\n", "hello World\n",
                    {"line 1, column 1", "expected \"Hello·World⏎\"", "got \"hello·World⏎\""}));
  EXPECT_TRUE(wrong(s, "a\nb c\n", "a\nb  c\n", {"line 2, column 3", "expected \"c⏎\"", "got \"·c⏎\""}));
  EXPECT_TRUE(wrong(s, "42\n", "42", {"output is missing the final newline"}));
  EXPECT_TRUE(wrong(s, "42\n", "42 \n", {"line 1, column 3", "expected \"⏎\"", "got \"·⏎\""}));
  EXPECT_TRUE(wrong(s, "42\n", "42\n\n", {"extra data after the answer ends", "line 2, column 1", "\"⏎\""}));
  EXPECT_TRUE(wrong(s, "1\n2\n3\n", "1\n", {"ends early at line 2", "continues with \"2⏎\""}));
  EXPECT_TRUE(wrong(s, "42\n", "", {"output is empty"}));
  EXPECT_TRUE(wrong(s, "a\r\n", "a\n", {"expected \"␍⏎\"", "got \"⏎\""}));
  EXPECT_TRUE(accepted(s, "", ""));
}

TEST(CheckBuiltin, RejectsUnknownTypes) {
  EXPECT_THROW(check_builtin(spec("regex"), "", ""), proctor::runner::UserError);
  EXPECT_THROW(check_builtin(spec("custom"), "", ""), proctor::runner::UserError);
}

TEST(SampleDiff, ShowsFirstDifferenceWithContext) {
  std::string diff = sample_diff("a b\nc\n15\n7\n", "a b\nc\n16\n");
  EXPECT_EQ(diff,
            "first difference at line 3, column 2\n"
            "         1 | a·b⏎\n"
            "         2 | c⏎\n"
            "expected 3 | 15⏎\n"
            "     got 3 | 16⏎\n"
            "expected 4 | 7⏎\n"
            "     got 4 | <EOF>\n");
}

TEST(SampleDiff, IdenticalTextsHaveNoDiff) {
  EXPECT_EQ(sample_diff("x\n", "x\n"), "");
}

TEST(SampleDiff, VisibleWhitespaceAndEndings) {
  EXPECT_EQ(sample_diff("42\n", "42"),
            "first difference at line 1, column 3\nexpected 1 | 42⏎\n     got 1 | 42<EOF>\n");
  EXPECT_EQ(sample_diff("a\tb\n", "a b\r\n"),
            "first difference at line 1, column 2\nexpected 1 | a→b⏎\n     got 1 | a·b␍⏎\n");
  EXPECT_EQ(sample_diff("1\n", ""),
            "first difference at line 1, column 1\nexpected 1 | 1⏎\n     got 1 | <EOF>\n");
  EXPECT_EQ(sample_diff("", "x\n"),
            "first difference at line 1, column 1\nexpected 1 | <EOF>\n     got 1 | x⏎\n");
  EXPECT_EQ(sample_diff("\n\nb\n", "\n\nc\n"),
            "first difference at line 3, column 1\n         1 | ⏎\n         2 | ⏎\nexpected 3 | b⏎\n     got "
            "3 | c⏎\n");
}

TEST(SampleDiff, IdenticalFollowingLinesAreContext) {
  std::string diff = sample_diff("1\n2\n3\n4\n5\n6\n", "1\n2\n3\nX\n5\n6\n");
  EXPECT_EQ(diff,
            "first difference at line 4, column 1\n"
            "         2 | 2⏎\n"
            "         3 | 3⏎\n"
            "expected 4 | 4⏎\n"
            "     got 4 | X⏎\n"
            "         5 | 5⏎\n"
            "         6 | 6⏎\n");
}

TEST(SampleDiff, IsBoundedForHugeInputs) {
  std::string expected(1 << 20, 'a');
  std::string got = expected;
  got[700000] = 'b';
  std::string diff = sample_diff(expected + "\n", got + "\n");
  EXPECT_LT(diff.size(), 1000u);
  EXPECT_NE(diff.find("column 700001"), std::string::npos) << diff;
  EXPECT_NE(diff.find("…aaaa"), std::string::npos) << diff;  // starts near the difference
  EXPECT_NE(diff.find('b'), std::string::npos) << diff;

  std::string many;
  for (int i = 0; i < 100000; ++i) many += "line\n";
  diff = sample_diff(many, many + "extra\n");
  EXPECT_LT(diff.size(), 400u);
  EXPECT_NE(diff.find("line 100001"), std::string::npos) << diff;
  EXPECT_NE(diff.find("got 100001 | extra⏎"), std::string::npos) << diff;
  diff = sample_diff("a\n", std::string("\xff\x00\x01", 3));
  EXPECT_NE(diff.find("\\xff\\x00\\x01<EOF>"), std::string::npos) << diff;
}

}  // namespace
