// A custom output validator (Kattis protocol) compiled and run in the sandbox's checker profile:
// 42 accepts, 43 rejects with judgemessage.txt as the message, anything else is the judge's fault (JE).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "c_program.hpp"
#include "outer_cgroup.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/runner/result_json.hpp"
#include "proctor/sandbox/launch.hpp"
#include "schema_check.hpp"

namespace fs = std::filesystem;
using proctor::test::TempDirectory;
using proctor::test::write_text;

namespace {

// Accepts any order of the answer's numbers; rejects with a message naming the first surplus number.
constexpr const char* kPermutationValidator = R"(
#include <stdio.h>
#include <stdlib.h>
static int cmp(const void* a, const void* b) { long x = *(const long*)a, y = *(const long*)b; return (x > y) - (x < y); }
static int load(FILE* f, long* v) { int n = 0; while (n < 1000 && fscanf(f, "%ld", &v[n]) == 1) n++; return n; }
int main(int argc, char** argv) {
  if (argc < 4) return 1;
  FILE* ans = fopen(argv[2], "r");
  if (!ans) return 2;
  char path[4096]; snprintf(path, sizeof path, "%sjudgemessage.txt", argv[3]);
  long a[1000], o[1000];
  int na = load(ans, a), no = load(stdin, o);
  qsort(a, na, sizeof *a, cmp); qsort(o, no, sizeof *o, cmp);
  for (int i = 0; i < na || i < no; i++) {
    if (i >= na || i >= no || a[i] != o[i]) {
      FILE* msg = fopen(path, "w"); if (msg) { fprintf(msg, "not a permutation of the answer"); fclose(msg); }
      return 43;
    }
  }
  return 42;
}
)";

class CustomChecker : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    outer_ = new proctor::test::OuterCgroup();
    std::printf("%s\n", outer_->enter().c_str());
    sandbox_ = new proctor::sandbox::Sandbox();
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    delete outer_;
  }
  void make_package(const std::string& validator) {
    const fs::path ex = dir_.path() / "perm";
    fs::create_directories(ex / "data" / "sample");
    fs::create_directories(ex / "data" / "secret");
    fs::create_directories(ex / "output_validators" / "perm");
    write_text(ex / "exercise.json",
               R"({"id":"perm","title":"Any order","kind":"program","language":"c","duration_minutes":30,)"
               R"("limits":{"time_ms":1000,"memory_mb":64,"output_kb":64},"checker":{"type":"custom"}})");
    write_text(ex / "statement.md", "Print the numbers 1 2 3 in any order.\n");
    write_text(ex / "data" / "sample" / "1.in", "3\n");
    write_text(ex / "data" / "sample" / "1.ans", "1 2 3\n");
    write_text(ex / "data" / "secret" / "1.in", "3\n");
    write_text(ex / "data" / "secret" / "1.ans", "1 2 3\n");
    write_text(ex / "output_validators" / "perm" / "validator.c", validator);
    exercise_ = proctor::runner::load_exercise(ex);
  }
  nlohmann::json grade(const std::string& source) {
    write_text(dir_.path() / "sub.c", source);
    proctor::runner::GradeOptions options;
    // The document as written: what the schema check and every reader see.
    auto r = proctor::runner::to_json(
        proctor::runner::grade(*sandbox_, exercise_, dir_.path() / "sub.c", options));
    std::printf("%s\n", r.dump().c_str());
    return r;
  }

  TempDirectory dir_;
  proctor::runner::Exercise exercise_;
  static inline proctor::sandbox::Sandbox* sandbox_ = nullptr;
  static inline proctor::test::OuterCgroup* outer_ = nullptr;
};

}  // namespace

TEST_F(CustomChecker, AcceptsWhatTheValidatorAccepts) {
  make_package(kPermutationValidator);
  auto r = grade("#include <stdio.h>\nint main(void){ puts(\"3 1 2\"); return 0; }\n");
  EXPECT_EQ(r["verdict"], "AC");
  EXPECT_EQ(r["score"]["passed"], 2);
  EXPECT_TRUE(matches_result_schema(r));
}

TEST_F(CustomChecker, RejectionCarriesTheValidatorsMessageOnSamplesOnly) {
  make_package(kPermutationValidator);
  auto r = grade("#include <stdio.h>\nint main(void){ puts(\"3 1 1\"); return 0; }\n");
  EXPECT_EQ(r["verdict"], "WA");
  EXPECT_EQ(r["tests"][0]["message"], "not a permutation of the answer");
  EXPECT_EQ(r["tests"][1]["message"], "wrong answer");
  EXPECT_TRUE(matches_result_schema(r));
}

TEST_F(CustomChecker, AValidatorThatFailsIsAJudgeErrorNeverWrongAnswer) {
  make_package("int main(void){ return 1; }\n");
  auto r = grade("#include <stdio.h>\nint main(void){ puts(\"1 2 3\"); return 0; }\n");
  EXPECT_EQ(r["verdict"], "JE");
  EXPECT_EQ(r["tests"][0]["verdict"], "JE");
}

TEST_F(CustomChecker, AValidatorCannotReadHostFiles) {
  make_package(R"(
#include <stdio.h>
int main(void){ FILE* f = fopen("/etc/passwd", "r"); return f ? 42 : 43; })");
  auto r = grade("#include <stdio.h>\nint main(void){ puts(\"1 2 3\"); return 0; }\n");
  EXPECT_EQ(r["verdict"], "WA");  // the validator's fopen failed under Landlock
}

TEST_F(CustomChecker, AValidatorThatDoesNotCompileIsAJudgeError) {
  make_package("this is not C\n");
  auto r = grade("#include <stdio.h>\nint main(void){ puts(\"1 2 3\"); return 0; }\n");
  EXPECT_EQ(r["verdict"], "JE");
  EXPECT_NE(r["error"].get<std::string>().find("validator"), std::string::npos);
  EXPECT_TRUE(matches_result_schema(r));
}

TEST_F(CustomChecker, TheValidatorsCopiesOfInputAndAnswerArePrivate) {
  // The validator reports the mode of its answer copy: a secret answer must never be readable by other
  // local users (mode 0600), and, as root, belongs to the run's own user, not to a shared account.
  make_package(R"(
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
int main(int argc, char** argv) {
  struct stat a, i;
  if (argc < 4 || stat(argv[2], &a) != 0 || stat(argv[1], &i) != 0) return 1;
  char path[4096]; snprintf(path, sizeof path, "%sjudgemessage.txt", argv[3]);
  FILE* msg = fopen(path, "w");
  if (!msg) return 2;
  fprintf(msg, "answer %o input %o owner-is-me %d", (unsigned)(a.st_mode & 0777), (unsigned)(i.st_mode & 0777),
          a.st_uid == getuid() && i.st_uid == getuid());
  fclose(msg);
  return 43;
})");
  auto r = grade("#include <stdio.h>\nint main(void){ puts(\"1 2 3\"); return 0; }\n");
  ASSERT_EQ(r["verdict"], "WA");
  EXPECT_EQ(r["tests"][0]["message"], "answer 600 input 600 owner-is-me 1");
}
