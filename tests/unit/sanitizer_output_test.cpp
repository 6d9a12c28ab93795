// Reading sanitizer reports back (GCC 12's libasan 8 / libubsan 1 with symbolize=0), on text the
// runtimes really printed, with the program's own stderr mixed in.
#include "signals/sanitizer_output.hpp"

#include <gtest/gtest.h>

#include "signals/symbolize.hpp"

namespace {

using proctor::runner::parse_sanitizer_output;

const char* kHeapOverflow = R"(the program's own line
=================================================================
==13095==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000020 at pc 0x55b8dbe4f2a3 bp 0x7fffaf008130 sp 0x7fffaf008128
WRITE of size 4 at 0x602000000020 thread T0
    #0 0x55b8dbe4f2a2  (/tmp/proctor-grade-1/signals/sanitizer/program+0x12a2)
    #1 0x7f1f0ca45249  (/lib/x86_64-linux-gnu/libc.so.6+0x27249)
    #2 0x55b8dbe4f120  (/tmp/proctor-grade-1/signals/sanitizer/program+0x1120)

0x602000000020 is located 0 bytes to the right of 16-byte region [0x602000000010,0x602000000020)
allocated by thread T0 here:
    #0 0x7f1f0d4b89cf  (/lib/x86_64-linux-gnu/libasan.so.8+0xb89cf)
    #1 0x55b8dbe4f1fc  (/tmp/proctor-grade-1/signals/sanitizer/program+0x11fc)

SUMMARY: AddressSanitizer: heap-buffer-overflow (/tmp/sigt/hof+0x12a2)
Shadow bytes around the buggy address:
=>0x0c047fff8000: fa fa 00 00[fa]fa fa fa fa fa fa fa fa fa fa fa
)";

const char* kUbsanAndLeak =
    R"(submission.c:3:141: runtime error: signed integer overflow: 5 + 2147483647 cannot be represented in type 'int'
    #0 0x55ca8a03a3c4  (/x/program+0x13c4)
    #1 0x7f2663845249  (/lib/x86_64-linux-gnu/libc.so.6+0x27249)
-2147483644

=================================================================
==13088==ERROR: LeakSanitizer: detected memory leaks

Direct leak of 40 byte(s) in 1 object(s) allocated from:
    #0 0x7f26642b89cf  (/lib/x86_64-linux-gnu/libasan.so.8+0xb89cf)
    #1 0x55ca8a03a2b2  (/x/program+0x12b2)
    #2 0x7f2663845249  (/lib/x86_64-linux-gnu/libc.so.6+0x27249)

Indirect leak of 8 byte(s) in 2 object(s) allocated from:
    #0 0x7f26642b89cf  (/lib/x86_64-linux-gnu/libasan.so.8+0xb89cf)
    #1 0x55ca8a03a2c0  (/x/program+0x12c0)

SUMMARY: AddressSanitizer: 48 byte(s) leaked in 3 allocation(s).
)";

TEST(SanitizerOutput, AHeapOverflowWithItsFirstStackOnly) {
  const auto findings = parse_sanitizer_output(kHeapOverflow);
  ASSERT_EQ(findings.size(), 1u);
  const auto& f = findings[0];
  EXPECT_EQ(f.tool, "address");
  EXPECT_EQ(f.kind, "heap-buffer-overflow");
  EXPECT_EQ(f.message, "WRITE of size 4");
  ASSERT_EQ(f.frames.size(), 3u) << "the allocation stack is not the finding's";
  EXPECT_EQ(f.frames[0].module, "program");
  EXPECT_EQ(f.frames[0].offset, 0x12a2u);
  EXPECT_EQ(f.frames[1].module, "libc.so.6");
  EXPECT_EQ(f.line, 0) << "AddressSanitizer names no line itself";
}

TEST(SanitizerOutput, UndefinedBehaviourAndLeaks) {
  const auto findings = parse_sanitizer_output(kUbsanAndLeak);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].tool, "undefined");
  EXPECT_EQ(findings[0].kind, "signed-integer-overflow");
  EXPECT_EQ(findings[0].message, "signed integer overflow");
  EXPECT_EQ(findings[0].detail, "5 + 2147483647 cannot be represented in type 'int'");
  EXPECT_EQ(findings[0].file, "submission.c");
  EXPECT_EQ(findings[0].line, 3);
  EXPECT_EQ(findings[0].column, 141);
  EXPECT_EQ(findings[0].frames.size(), 2u) << "the program's own output ends the stack";
  EXPECT_EQ(findings[1].kind, "memory-leak");
  EXPECT_EQ(findings[1].message, "Direct leak");
  EXPECT_EQ(findings[1].detail, "40 byte(s) in 1 object(s)");
  ASSERT_EQ(findings[1].frames.size(), 3u);
  EXPECT_EQ(findings[1].frames[1].offset, 0x12b2u);
  EXPECT_EQ(findings[2].message, "Indirect leak");
  EXPECT_EQ(findings[2].frames.size(), 2u);
}

TEST(SanitizerOutput, ThePlainProgramOutputIsNoFinding) {
  EXPECT_TRUE(parse_sanitizer_output("hello\n    #0 not a frame\nERROR: nothing\n").empty());
  EXPECT_TRUE(parse_sanitizer_output("").empty());
}

TEST(SanitizerOutput, UbsanKinds) {
  using proctor::runner::ubsan_kind;
  EXPECT_EQ(ubsan_kind("index 10 out of bounds for type 'int [10]'"), "bounds");
  EXPECT_EQ(ubsan_kind("shift exponent 40 is too large for 32-bit type 'int'"), "shift-exponent");
  EXPECT_EQ(ubsan_kind("load of null pointer of type 'int'"), "null");
  EXPECT_EQ(ubsan_kind("division by zero"), "integer-divide-by-zero");
  EXPECT_EQ(ubsan_kind("something new"), "undefined-behavior");
}

TEST(Addr2line, LinesFunctionsAndUnknowns) {
  const auto symbols = proctor::runner::parse_addr2line(
      "0x00000000000012a2\nmain\n/tmp/p/cc/submission.c:3\n"
      "0x0000000000001120\n_start\n??:?\n"
      "0x00000000000011fc\nfill\n/tmp/p/harness/harness.c:12 (discriminator 2)\n"
      "0x0000000000099999\n??\n??:0\n");
  ASSERT_EQ(symbols.size(), 2u);
  EXPECT_EQ(symbols.at(0x12a2).function, "main");
  EXPECT_EQ(symbols.at(0x12a2).file, "/tmp/p/cc/submission.c");
  EXPECT_EQ(symbols.at(0x12a2).line, 3);
  EXPECT_EQ(symbols.at(0x11fc).line, 12);
  EXPECT_FALSE(symbols.count(0x1120));
}

}  // namespace
