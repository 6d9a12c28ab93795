// The sanitizer pass with real builds and runs: each bug is reported at its line, with the right kind,
// while the verdict stays what the normal build earned; a clean solution has no finding; a function
// exercise's harness is instrumented too and its own bug is attributed to it; hidden tests reveal no
// values; an exercise silences a kind.
#include <gtest/gtest.h>

#include "schema_check.hpp"
#include "signals_fixture.hpp"

namespace {

using nlohmann::json;
using proctor::test::SignalsTest;

// Every program reads "N a1 .. aN" and prints the sum: the sample and secret answers are right.
const char* kClean = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  int *a = malloc(sizeof *a * (size_t)n);
  if (!a) return 1;
  long total = 0;
  for (int i = 0; i < n; i++) {
    if (scanf("%d", &a[i]) != 1) return 1;
    total += a[i];
  }
  free(a);
  printf("%ld\n", total);
  return 0;
}
)";

// Writes one element past its buffer (line 10), and still prints the right sum.
const char* kHeapOverflow = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  int *a = malloc(sizeof *a * (size_t)n);
  long total = 0;
  for (int i = 0; i < n; i++) scanf("%d", &a[i]);
  for (int i = 0; i < n; i++) total += a[i];
  a[n] = 0;
  printf("%ld\n", total);
  free(a);
  return 0;
}
)";

// A signed overflow (line 9) in a value that does not reach the output.
const char* kSignedOverflow = R"(#include <stdio.h>
int main(void) {
  int n, x;
  long total = 0;
  int hash = 2147483000;
  if (scanf("%d", &n) != 1) return 1;
  for (int i = 0; i < n; i++) {
    if (scanf("%d", &x) != 1) return 1;
    hash += x * 1000;
    total += x;
  }
  printf("%ld\n", total + (hash == 42));
  return 0;
}
)";

// Reads its buffer after freeing it (line 11).
const char* kUseAfterFree = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  long *sum = malloc(sizeof *sum);
  *sum = 0;
  for (int i = 0, x; i < n; i++)
    if (scanf("%d", &x) == 1) *sum += x;
  free(sum);
  long total = *sum;
  printf("%ld\n", total);
  return 0;
}
)";

// Never frees what it allocates (line 8, once per number: the earlier ones are surely unreachable at
// exit): reported, and the run still passes.
const char* kLeak = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  long total = 0;
  for (int i = 0; i < n; i++) {
    int *p = malloc(sizeof *p);
    if (scanf("%d", p) == 1) total += *p;
  }
  printf("%ld\n", total);
  return 0;
}
)";

// Overflows only on inputs of four or more numbers: the hidden test secret/1, never the sample (line 9).
const char* kSecretOnlyOverflow = R"(#include <stdio.h>
int main(void) {
  int n, x;
  long total = 0;
  if (scanf("%d", &n) != 1) return 1;
  for (int i = 0; i < n; i++)
    if (scanf("%d", &x) == 1) total += x;
  volatile int big = 2147483620;
  if (n >= 4) big += x;
  printf("%ld\n", total);
  return 0;
}
)";

const json* finding(const json& result, const std::string& kind) {
  for (const json& f : result["signals"]["sanitizer"]["findings"])
    if (f["kind"] == kind) return &f;
  return nullptr;
}

void expect_ran(const json& r) {
  EXPECT_TRUE(matches_result_schema(r));
  const json& s = r["signals"]["sanitizer"];
  EXPECT_EQ(s["status"], "ran") << s.dump(2);
  EXPECT_EQ(s["tests_run"], s["tests_total"]) << s.dump(2);
}

}  // namespace

TEST_F(SignalsTest, AHeapOverflowThatStillPassesIsReportedAtItsLine) {
  const json r = grade(make_program_exercise(), kHeapOverflow);
  EXPECT_EQ(r["verdict"], "AC") << "the signals never change the verdict";
  expect_ran(r);
  const json* f = finding(r, "heap-buffer-overflow");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["tool"], "address");
  EXPECT_EQ((*f)["message"], "WRITE of size 4");
  EXPECT_EQ((*f)["location"]["file"], "submission.c");
  EXPECT_EQ((*f)["location"]["origin"], "submission");
  EXPECT_EQ((*f)["location"]["line"], 10);
  EXPECT_EQ((*f)["location"]["function"], "main");
  EXPECT_EQ((*f)["tests"], 3) << "every test overflows; one finding for all";
  EXPECT_EQ((*f)["first_test"], "sample/1");
  ASSERT_FALSE((*f)["stack"].empty());
  EXPECT_EQ((*f)["stack"][0]["line"], 10);
}

TEST_F(SignalsTest, ASignedOverflowIsReportedWithItsLineAndColumn) {
  const json r = grade(make_program_exercise(), kSignedOverflow);
  EXPECT_EQ(r["verdict"], "AC");
  expect_ran(r);
  const json* f = finding(r, "signed-integer-overflow");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["tool"], "undefined");
  EXPECT_EQ((*f)["location"]["line"], 9);
  EXPECT_EQ((*f)["location"]["column"], 10);
  // Seen first on the sample: its operands may be shown.
  EXPECT_NE((*f)["message"].get<std::string>().find("cannot be represented"), std::string::npos) << *f;
}

TEST_F(SignalsTest, AUseAfterFreeIsReportedAtItsLine) {
  const json r = grade(make_program_exercise(), kUseAfterFree);
  expect_ran(r);
  const json* f = finding(r, "heap-use-after-free");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["message"], "READ of size 8");
  EXPECT_EQ((*f)["location"]["line"], 11);
}

TEST_F(SignalsTest, ALeakIsReportedAtItsAllocationAndIsNotFatal) {
  const json r = grade(make_program_exercise(), kLeak);
  EXPECT_EQ(r["verdict"], "AC");
  expect_ran(r);
  const json* f = finding(r, "memory-leak");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["tool"], "leak");
  EXPECT_EQ((*f)["location"]["line"], 8);
  EXPECT_EQ((*f)["location"]["origin"], "submission");
  EXPECT_EQ(r["signals"]["sanitizer"]["findings"].size(), 1u) << "nothing else: " << r["signals"].dump(2);
}

TEST_F(SignalsTest, ACleanSolutionHasNoSanitizerFinding) {
  const json r = grade(make_program_exercise(), kClean);
  EXPECT_EQ(r["verdict"], "AC");
  expect_ran(r);
  EXPECT_EQ(r["signals"]["sanitizer"]["findings"], json::array()) << r["signals"].dump(2);
}

TEST_F(SignalsTest, AFindingFirstSeenOnAHiddenTestShowsNoValues) {
  const json r = grade(make_program_exercise(), kSecretOnlyOverflow);
  expect_ran(r);
  const json* f = finding(r, "signed-integer-overflow");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["first_test"], "secret/1");
  EXPECT_EQ((*f)["message"], "signed integer overflow") << "the operands come from the hidden input";
  EXPECT_EQ((*f)["location"]["line"], 9);
  EXPECT_EQ(r.dump().find("2147483620 + 40"), std::string::npos);
}

TEST_F(SignalsTest, AnExerciseSilencesASanitizerKind) {
  const json r = grade(make_program_exercise(R"(,"signals":{"silence":["memory-leak"]})"), kLeak);
  expect_ran(r);
  EXPECT_EQ(finding(r, "memory-leak"), nullptr);
  EXPECT_EQ(r["signals"]["sanitizer"]["silenced"], 1);
}

TEST_F(SignalsTest, AFunctionExercisesFindingsAreAttributedToTheirCode) {
  // The candidate's sum reads one past the array (line 3): their finding, in their file.
  const char* sum_past_end =
      "#include \"fsum.h\"\nlong sum(const int *a, int n) {\n  long t = a[n] == 123456789;\n"
      "  for (int i = 0; i < n; i++) t += a[i];\n  return t;\n}\n";
  json r = grade(make_function_exercise(), sum_past_end);
  EXPECT_EQ(r["verdict"], "AC");
  expect_ran(r);
  const json* f = finding(r, "heap-buffer-overflow");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["location"]["origin"], "submission");
  EXPECT_EQ((*f)["location"]["file"], "submission.c");
  EXPECT_EQ((*f)["location"]["line"], 3);
  bool harness_frame = false;
  for (const json& frame : (*f)["stack"]) harness_frame |= frame["origin"] == "harness";
  EXPECT_TRUE(harness_frame) << "the harness called it: " << (*f)["stack"].dump();

  // A correct candidate with a harness that writes past its own buffer (harness.c line 9): the
  // finding is the harness's, not the candidate's.
  const char* good =
      "#include \"fsum.h\"\nlong sum(const int *a, int n) {\n  long t = 0;\n"
      "  for (int i = 0; i < n; i++) t += a[i];\n  return t;\n}\n";
  r = grade(make_function_exercise(true), good);
  expect_ran(r);
  f = finding(r, "heap-buffer-overflow");
  ASSERT_NE(f, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*f)["location"]["origin"], "harness");
  EXPECT_EQ((*f)["location"]["file"], "harness.c");
  EXPECT_EQ((*f)["location"]["line"], 9);
}
