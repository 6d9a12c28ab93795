#pragma once
// A tiny exercise made in a temporary directory ("sum": read integers, print their sum; or a function
// exercise whose harness calls the candidate's `sum`), graded in-process with --signals' options, for
// the interview-signal tests. The grading sandbox sits in an outer cgroup like every other test's.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "c_program.hpp"
#include "outer_cgroup.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/runner/result_json.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::test {

class SignalsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    outer_ = new OuterCgroup();
    std::printf("%s\n", outer_->enter().c_str());
    sandbox_ = new sandbox::Sandbox();
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    delete outer_;
  }

  // kind "program": stdin "N a1 .. aN", stdout the sum. `extra` is added to exercise.json's top level.
  std::filesystem::path make_program_exercise(const std::string& extra = "") {
    const std::filesystem::path ex = dir_.path() / "sum";
    std::filesystem::create_directories(ex / "data" / "sample");
    std::filesystem::create_directories(ex / "data" / "secret");
    write_text(
        ex / "exercise.json",
        R"({"id":"sum","title":"Sum","kind":"program","limits":{"time_ms":2000,"memory_mb":64,"output_kb":64})" +
            extra + "}");
    write_text(ex / "statement.md", "Print the sum of the N numbers that follow N.\n");
    write_text(ex / "data" / "sample" / "1.in", "3 1 2 3\n");
    write_text(ex / "data" / "sample" / "1.ans", "6\n");
    write_text(ex / "data" / "secret" / "1.in", "4 10 20 30 40\n");
    write_text(ex / "data" / "secret" / "1.ans", "100\n");
    write_text(ex / "data" / "secret" / "2.in", "1 5\n");
    write_text(ex / "data" / "secret" / "2.ans", "5\n");
    return ex;
  }

  // kind "function": the candidate writes `long sum(const int *a, int n)`; the harness reads the
  // numbers and prints the sum. With `harness_bug`, the harness itself overflows its buffer by one.
  std::filesystem::path make_function_exercise(bool harness_bug = false) {
    const std::filesystem::path ex = dir_.path() / "fsum";
    std::filesystem::create_directories(ex / "data" / "sample");
    std::filesystem::create_directories(ex / "include" / "c");
    write_text(
        ex / "exercise.json",
        R"({"id":"fsum","title":"Sum","kind":"function","limits":{"time_ms":2000,"memory_mb":64,"output_kb":64}})");
    write_text(ex / "statement.md", "Write `long sum(const int *a, int n)`.\n");
    write_text(ex / "include" / "c" / "fsum.h", "long sum(const int *a, int n);\n");
    write_text(ex / "include" / "c" / "harness.c",
               std::string("#include <stdio.h>\n#include <stdlib.h>\n#include \"fsum.h\"\n"
                           "int main(void) {\n"
                           "  int n;\n"
                           "  if (scanf(\"%d\", &n) != 1) return 1;\n"
                           "  int *a = malloc(sizeof *a * (size_t)n);\n"
                           "  for (int i = 0; i < n; i++) scanf(\"%d\", &a[i]);\n") +
                   (harness_bug ? "  a[n] = 0;\n" : "") +  // line 9 when present
                   "  printf(\"%ld\\n\", sum(a, n));\n"
                   "  free(a);\n"
                   "  return 0;\n"
                   "}\n");
    write_text(ex / "data" / "sample" / "1.in", "3 1 2 3\n");
    write_text(ex / "data" / "sample" / "1.ans", "6\n");
    return ex;
  }

  nlohmann::json grade(const std::filesystem::path& exercise, const std::string& source,
                       bool signals = true) {
    write_text(dir_.path() / "submission.c", source);
    runner::GradeOptions options;
    options.signals = signals;
    options.jobs = 1;
    const runner::Exercise loaded = runner::load_exercise(exercise);
    nlohmann::json r =
        runner::to_json(runner::grade(*sandbox_, loaded, dir_.path() / "submission.c", options));
    std::printf("%s\n", r.dump(2).c_str());
    return r;
  }

  TempDirectory dir_;
  static inline sandbox::Sandbox* sandbox_ = nullptr;
  static inline OuterCgroup* outer_ = nullptr;
};

}  // namespace proctor::test
