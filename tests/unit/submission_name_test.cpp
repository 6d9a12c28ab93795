// The name a submission is compiled under: as typed when it can be, the neutral one when it cannot;
// warnings found by that name whatever characters it holds.
#include <gtest/gtest.h>

#include "execute/diagnostics.hpp"
#include "execute/submission.hpp"

namespace {

using proctor::runner::name_as_given;
using proctor::runner::parse_warnings;
using proctor::runner::usable_source_name;

TEST(SubmissionName, IsThePathAsTypedWhenItStaysBelowTheCurrentDirectory) {
  EXPECT_EQ(name_as_given("my sol.c"), "my sol.c");
  EXPECT_EQ(name_as_given("./src/../src/ring.c"), "src/ring.c");
  EXPECT_EQ(name_as_given("/home/ada/ring.c"), "ring.c");
  EXPECT_EQ(name_as_given("../ring.c"), "ring.c");
  EXPECT_EQ(name_as_given("a/../../ring.c"), "ring.c");
}

TEST(SubmissionName, UsableNamesArePrintableCFilesThatAreNoOption) {
  for (const char* good : {"my sol.c", "src/ring.c", "a:b (1)+[x].c", "q\"uo\\te.c", "été.c", "x.c"})
    EXPECT_TRUE(usable_source_name(good)) << good;
  for (const char* bad :
       {"", ".c", "x.h", "x.c\n#error\n.c", "x\t.c", "\x1b[31m.c",
        "\xc2\x9b"
        "31m.c",
        "\xff.c", "-o.c", "@opts.c", "/etc/x.c", "a//b.c", "./x.c", "../x.c", "a/../x.c", "x\x7f.c"})
    EXPECT_FALSE(usable_source_name(bad)) << bad;
  EXPECT_FALSE(usable_source_name(std::string(199, 'a') + ".c"));
  EXPECT_TRUE(usable_source_name(std::string(198, 'a') + ".c"));
}

TEST(SubmissionName, WarningsAreFoundByAPrefixNotAPattern) {
  const std::string output =
      "a:b (1)+[x].c: In function 'main':\n"
      "a:b (1)+[x].c:2:7: warning: unused variable 'u' [-Wunused-variable]\n"
      "a:b (1)+[x]xc:3:1: warning: not this file [-Wother]\n"
      "fsum.h:1:1: warning: a header's [-Wheader]\n"
      "a:b (1)+[x].c:4:2: note: not a warning\n";
  const auto warnings = parse_warnings(output, "a:b (1)+[x].c");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].line, 2);
  EXPECT_EQ(warnings[0].column, 7);
  EXPECT_EQ(warnings[0].message, "unused variable 'u'");
  EXPECT_EQ(warnings[0].option, "-Wunused-variable");
}

}  // namespace
