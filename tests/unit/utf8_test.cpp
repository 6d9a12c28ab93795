// The UTF-8 sanitiser every result string goes through, and cutting text on a character boundary.
#include "text/utf8.hpp"

#include <gtest/gtest.h>

namespace {

using proctor::text::utf8_cut;
using proctor::text::valid_utf8;

const std::string kFffd = "\xef\xbf\xbd";

TEST(Utf8, ValidTextIsUnchanged) {
  for (const std::string s : {"", "plain ascii\n\t", "héllo wörld", "€ 100", "\xf0\x9f\x98\x80 emoji",
                              "\xed\x9f\xbf last before surrogates", "\xf4\x8f\xbf\xbf max"}) {
    EXPECT_EQ(valid_utf8(s), s);
  }
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(valid_utf8("a\xff"
                       "b"),
            "a" + kFffd + "b");
  EXPECT_EQ(valid_utf8("\xfe\xff"), kFffd + kFffd);
  EXPECT_EQ(valid_utf8("\x80"), kFffd) << "stray continuation byte";
  EXPECT_EQ(valid_utf8("\xc0\xaf"), kFffd + kFffd) << "overlong '/'";
  EXPECT_EQ(valid_utf8("\xe0\x80\xaf"), kFffd + kFffd + kFffd) << "overlong three-byte form";
  EXPECT_EQ(valid_utf8("\xed\xa0\x80"), kFffd + kFffd + kFffd) << "a surrogate";
  EXPECT_EQ(valid_utf8("\xf4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd) << "above U+10FFFF";
}

TEST(Utf8, ATruncatedCharacterIsOneReplacement) {
  EXPECT_EQ(valid_utf8("ab\xe2\x82"), "ab" + kFffd) << "cut at the end";
  EXPECT_EQ(valid_utf8("\xe2\x82"
                       "x"),
            kFffd + "x")
      << "cut in the middle";
  EXPECT_EQ(valid_utf8("\xf0\x9f\x98"), kFffd);
}

TEST(Utf8, CutNeverSplitsACharacter) {
  const std::string s =
      "a\xe2\x82\xac"
      "b";  // a € b
  EXPECT_EQ(utf8_cut(s, 0), 0u);
  EXPECT_EQ(utf8_cut(s, 1), 1u);
  EXPECT_EQ(utf8_cut(s, 2), 1u);
  EXPECT_EQ(utf8_cut(s, 3), 1u);
  EXPECT_EQ(utf8_cut(s, 4), 4u);
  EXPECT_EQ(utf8_cut(s, 99), s.size());
  EXPECT_EQ(utf8_cut("a\xe2\x82", 3), 1u) << "the text itself ends inside a character";
  EXPECT_EQ(utf8_cut("a\xe2\x82", 99), 1u);
  std::string flood;
  for (int i = 0; i < 1000; ++i) flood += "\xf0\x9f\x98\x80";
  for (std::size_t limit = 0; limit < 40; ++limit) {
    const std::string cut = flood.substr(0, utf8_cut(flood, limit));
    EXPECT_EQ(valid_utf8(cut), cut) << limit;
    EXPECT_GT(cut.size() + 4, limit);
  }
}

TEST(Utf8, CutOfBinaryGarbageStillBounded) {
  const std::string junk(10, '\x80');
  EXPECT_EQ(utf8_cut(junk, 5), 5u);
}

}  // namespace
