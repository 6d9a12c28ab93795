// `proctor exercise ...` through the real CLI: what an author types, the exit codes and the key lines.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include "c_program.hpp"

namespace {

namespace fs = std::filesystem;
using proctor::test::read_text;
using proctor::test::TempDirectory;
using proctor::test::write_text;

struct CliRun {
  int code = -1;
  std::string output;  // stdout and stderr together
};

// Arguments are joined unquoted: every path here is a temporary directory without blanks.
CliRun proctor(const std::string& args) {
  CliRun run;
  const std::string command = std::string(PROCTOR_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class ExerciseCommand : public ::testing::Test {
 protected:
  TempDirectory tmp;
  fs::path create(const std::string& id, const std::string& kind = "program") {
    CliRun r = proctor("exercise new " + id + " --kind " + kind + " --dir " + tmp.path().string());
    EXPECT_EQ(r.code, 0) << r.output;
    return tmp.path() / id;
  }
  CliRun validate(const fs::path& dir) { return proctor("exercise validate --jobs 2 " + dir.string()); }
  void set_time_limit(const fs::path& dir, int ms) {
    std::string json = read_text(dir / "exercise.json");
    json = std::regex_replace(json, std::regex(R"("time_ms": \d+)"), "\"time_ms\": " + std::to_string(ms));
    write_text(dir / "exercise.json", json);
  }
};

// A correct program for the scaffold's task that first burns `ms` of CPU time.
std::string slow_sum(int ms) {
  return "#include <stdio.h>\n#include <time.h>\nint main(void) {\n"
         "  while (clock() < (clock_t)" +
         std::to_string(ms) +
         " * (CLOCKS_PER_SEC / 1000)) {}\n"
         "  int n; long long s = 0, v;\n  if (scanf(\"%d\", &n) != 1) return 1;\n"
         "  for (int i = 0; i < n; i++) { if (scanf(\"%lld\", &v) != 1) return 1; s += v; }\n"
         "  printf(\"%lld\\n\", s);\n  return 0;\n}\n";
}

TEST_F(ExerciseCommand, NewProgramPassesValidate) {
  const fs::path dir = create("toy-sum");
  for (const char* f : {"exercise.json", "statement.md", "starter.c", "submissions/accepted/ref.c",
                        "data/sample/1.in", "data/sample/1.ans", "data/secret/1.in", "data/secret/1.ans"}) {
    EXPECT_TRUE(fs::is_regular_file(dir / f)) << f;
  }
  CliRun r = validate(dir);
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("=> valid"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("suggested time limit"), std::string::npos) << r.output;
}

TEST_F(ExerciseCommand, NewFunctionPassesValidate) {
  const fs::path dir = create("toy-fn", "function");
  EXPECT_TRUE(fs::is_regular_file(dir / "include/c/harness.c"));
  EXPECT_TRUE(fs::is_regular_file(dir / "include/c/toy-fn.h"));
  CliRun r = validate(dir);
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("=> valid"), std::string::npos) << r.output;
}

TEST_F(ExerciseCommand, NewRefusesExistingDirectoryAndBadIds) {
  create("taken");
  CliRun again = proctor("exercise new taken --dir " + tmp.path().string());
  EXPECT_EQ(again.code, 2);
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
  for (const char* bad : {"Upper", "under_score", "dot.ted", "'a b'"}) {
    CliRun r = proctor(std::string("exercise new ") + bad + " --dir " + tmp.path().string());
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.output.find("bad exercise id"), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
  CliRun long_id = proctor("exercise new " + std::string(65, 'a') + " --dir " + tmp.path().string());
  EXPECT_EQ(long_id.code, 2);
  CliRun kind = proctor("exercise new fine --kind library --dir " + tmp.path().string());
  EXPECT_EQ(kind.code, 2);
  EXPECT_FALSE(fs::exists(tmp.path() / "fine"));
}

TEST_F(ExerciseCommand, ValidateReportsMissingAnswers) {
  const fs::path dir = create("broken");
  write_text(dir / "data/secret/2.in", "1\n5\n");
  fs::remove(dir / "data/secret/1.ans");
  CliRun r = validate(dir);
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("1.in: has no matching .ans file"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2.in: has no matching .ans file"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("INVALID"), std::string::npos) << r.output;
}

TEST_F(ExerciseCommand, ValidateCatchesAWrongAnswerThatPasses) {
  const fs::path dir = create("too-easy");
  fs::copy_file(dir / "submissions/accepted/ref.c", dir / "submissions/wrong_answer/passes.c");
  const fs::path json = tmp.path() / "findings.json";
  CliRun r = proctor("exercise validate --jobs 2 --json " + json.string() + " " + dir.string());
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("wrong_answer/passes.c"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("got AC, expected WA"), std::string::npos) << r.output;
  const std::string findings = read_text(json);
  EXPECT_NE(findings.find("\"ok\": false"), std::string::npos) << findings;
  EXPECT_NE(findings.find("got AC, expected WA"), std::string::npos) << findings;
}

TEST_F(ExerciseCommand, ValidateCatchesATightTimeLimit) {
  const fs::path dir = create("tight");
  set_time_limit(dir, 400);
  write_text(dir / "submissions/accepted/slow.c", slow_sum(250));
  CliRun r = validate(dir);
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("more than half the 400 ms limit"), std::string::npos) << r.output;
  // 2 x ~250 ms, rounded up to 100 ms.
  EXPECT_TRUE(std::regex_search(r.output, std::regex("suggested time limit (5|6|7)00 ms"))) << r.output;
}

TEST_F(ExerciseCommand, ValidateWantsTimeLimitExceededToBeClearlySlow) {
  const fs::path dir = create("slowpokes");
  set_time_limit(dir, 300);
  fs::create_directories(dir / "submissions/time_limit_exceeded");
  write_text(dir / "submissions/time_limit_exceeded/forever.c", slow_sum(100000));
  CliRun good = validate(dir);
  EXPECT_EQ(good.code, 0) << good.output;
  EXPECT_NE(good.output.find("(graded at 450 ms)"), std::string::npos) << good.output;

  // TLE at the limit, but never beyond 1.5 x: a small speed-up would make it pass.
  write_text(dir / "submissions/time_limit_exceeded/borderline.c", slow_sum(360));
  CliRun bad = validate(dir);
  EXPECT_EQ(bad.code, 1) << bad.output;
  EXPECT_NE(bad.output.find("never exceeds 1.5 x the limit"), std::string::npos) << bad.output;
}

// The scaffold's statement shows sample/1 as its example ("Input:" and "Output:" blocks).
TEST_F(ExerciseCommand, ValidateChecksTheStatementExampleAgainstTheSamples) {
  const fs::path dir = create("drifting");
  // A different sample, still consistent with the reference: only the statement is now wrong.
  write_text(dir / "data/sample/1.in", "4\n1 2 3 4\n");
  write_text(dir / "data/sample/1.ans", "10\n");
  CliRun drifted = validate(dir);
  EXPECT_EQ(drifted.code, 1) << drifted.output;
  EXPECT_NE(drifted.output.find("statement.md: the example at line 25 is not one of data/sample's tests"),
            std::string::npos)
      << drifted.output;
  EXPECT_TRUE(std::regex_search(drifted.output, std::regex("accepted/ref.c +AC +AC"))) << drifted.output;

  // The statement's input with another answer: named as such.
  write_text(dir / "data/sample/1.in", "3\n1 2 3\n");
  write_text(dir / "data/sample/1.ans", "6 \n\n");  // trailing blanks do not count as drift
  EXPECT_EQ(validate(dir).code, 0);
  write_text(dir / "data/sample/2.in", "3\n1 2 3\n");
  write_text(dir / "data/sample/2.ans", "6\n");
  write_text(dir / "data/sample/1.ans", "7\n");
  CliRun wrong = validate(dir);
  EXPECT_EQ(wrong.code, 1) << wrong.output;
  EXPECT_EQ(wrong.output.find("the example at line 25"), std::string::npos)  // sample/2 matches it
      << wrong.output;
  write_text(dir / "data/sample/2.ans", "8\n");
  wrong = validate(dir);
  EXPECT_NE(wrong.output.find("the example at line 25 has the input of sample/2 but not its answer (2.ans)"),
            std::string::npos)
      << wrong.output;
}

TEST_F(ExerciseCommand, ValidateFlagsPlaceholdersAndAnIdThatIsNotTheDirectory) {
  const fs::path dir = create("fresh");
  CliRun fresh = validate(dir);
  EXPECT_EQ(fresh.code, 0) << fresh.output;  // notes, not problems: the scaffold must validate
  EXPECT_NE(fresh.output.find("note: the title still holds a TODO placeholder: \"fresh (TODO: title)\""),
            std::string::npos)
      << fresh.output;
  EXPECT_NE(fresh.output.find("statement.md:1: TODO placeholder left in the statement"), std::string::npos)
      << fresh.output;

  write_text(dir / "exercise.json", std::regex_replace(read_text(dir / "exercise.json"),
                                                       std::regex("fresh \\(TODO: title\\)"), "Fresh"));
  write_text(dir / "statement.md", "# Fresh\n\nRead n integers and print their sum.\n");
  CliRun done = validate(dir);
  EXPECT_EQ(done.code, 0) << done.output;
  EXPECT_EQ(done.output.find("TODO"), std::string::npos) << done.output;

  fs::rename(dir, tmp.path() / "fresh-copy");
  CliRun moved = validate(tmp.path() / "fresh-copy");
  EXPECT_EQ(moved.code, 1) << moved.output;
  EXPECT_NE(moved.output.find("fresh-copy: the directory is named \"fresh-copy\" but exercise.json says id "
                              "\"fresh\""),
            std::string::npos)
      << moved.output;
}

TEST_F(ExerciseCommand, ValidateListsEveryStructuralProblemAtOnce) {
  const fs::path dir = create("shambles");
  fs::remove(dir / "data/sample/1.ans");
  fs::remove(dir / "statement.md");
  write_text(dir / "exercise.json", "{\"id\": \"shambles\", \"title\": 5}\n");
  fs::create_directories(dir / "submissions/bogus");
  write_text(dir / "submissions/bogus/a.c", "int main(void) { return 0; }\n");
  write_text(dir / "data/secret/2.ans", "1\n");
  CliRun r = validate(dir);
  EXPECT_EQ(r.code, 1) << r.output;
  for (const char* problem :
       {"data/sample/1.in: has no matching .ans file", "data/secret/2.ans: has no matching .in file",
        "exercise.json: field \"title\" must be a string",
        "statement.md: missing: the statement shown to the candidate",
        "submissions/bogus: unknown submissions directory \"bogus\"", "INVALID (5 problems)"}) {
    EXPECT_NE(r.output.find(problem), std::string::npos) << problem << "\n" << r.output;
  }
}

TEST_F(ExerciseCommand, ValidateRefusesAMissingDirectory) {
  CliRun r = validate(tmp.path() / "nope");
  EXPECT_EQ(r.code, 2) << r.output;
}

TEST_F(ExerciseCommand, AnswersRewritesCorruptedAnswers) {
  const fs::path dir = create("fixme");
  write_text(dir / "data/sample/1.ans", "7\n");
  write_text(dir / "data/secret/2.in", "2\n40 2\n");
  CliRun r = proctor("exercise answers " + dir.string());
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("changed  sample/1.ans"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("created  secret/2.ans"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1 changed, 1 created, 1 unchanged"), std::string::npos) << r.output;
  EXPECT_EQ(read_text(dir / "data/sample/1.ans"), "6\n");
  EXPECT_EQ(read_text(dir / "data/secret/2.ans"), "42\n");

  CliRun again = proctor("exercise answers " + dir.string());
  EXPECT_EQ(again.code, 0) << again.output;
  EXPECT_NE(again.output.find("0 changed, 0 created, 3 unchanged"), std::string::npos) << again.output;
  EXPECT_EQ(validate(dir).code, 0);
}

TEST_F(ExerciseCommand, AnswersNamesTheTestAReferenceFailsAndWritesNothing) {
  const fs::path dir = create("crashy");
  write_text(dir / "data/sample/1.ans", "7\n");
  write_text(dir / "data/secret/empty.in", "");  // the reference exits 1 without input
  CliRun r = proctor("exercise answers " + dir.string());
  EXPECT_EQ(r.code, 2) << r.output;
  EXPECT_NE(r.output.find("secret/empty"), std::string::npos) << r.output;
  EXPECT_EQ(read_text(dir / "data/sample/1.ans"), "7\n");
  EXPECT_FALSE(fs::exists(dir / "data/secret/empty.ans"));
}

TEST_F(ExerciseCommand, ExportHoldsNoSecretsAndPracticeWorksOnIt) {
  for (const char* kind : {"program", "function"}) {
    const std::string id = std::string("pack-") + kind;
    const fs::path dir = create(id, kind);
    fs::create_directories(dir / "output_validators/unused");
    write_text(dir / "output_validators/unused/notes.txt", "judge only\n");
    const fs::path out = tmp.path() / ("out-" + id);
    CliRun r = proctor("exercise export " + dir.string() + " " + out.string());
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(fs::is_regular_file(out / "statement.md"));
    EXPECT_TRUE(fs::is_regular_file(out / "starter.c"));
    EXPECT_TRUE(fs::is_regular_file(out / "exercise.json"));
    // The message and the pack's README name the file the candidate edits, which the pack holds.
    EXPECT_NE(r.output.find("try it: proctor practice " + out.string() + " " + (out / "starter.c").string()),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("solution.c"), std::string::npos) << r.output;
    const std::string readme = read_text(out / "README.md");
    for (const char* part :
         {"`starter.c`", "sudo apt install ./proctor_*.deb", "proctor practice . starter.c ",
          "proctor practice . starter.c --input my.txt", "--watch"}) {
      EXPECT_NE(readme.find(part), std::string::npos) << part << "\n" << readme;
    }
    EXPECT_NE(readme.find(std::string(kind) == "function" ? "include/c/" : "on stdin"), std::string::npos)
        << readme;
    EXPECT_TRUE(fs::is_regular_file(out / "data/sample/1.in"));
    EXPECT_EQ(fs::is_regular_file(out / "include/c/harness.c"), std::string(kind) == "function");
    EXPECT_FALSE(fs::exists(out / "data/secret"));
    EXPECT_FALSE(fs::exists(out / "submissions"));
    EXPECT_FALSE(fs::exists(out / "output_validators"));

    CliRun practice =
        proctor("practice " + out.string() + " " + (dir / "submissions/accepted/ref.c").string());
    EXPECT_EQ(practice.code, 0) << practice.output;
    EXPECT_NE(practice.output.find("verdict AC"), std::string::npos) << practice.output;
    CliRun starter = proctor("practice " + out.string() + " " + (out / "starter.c").string());
    EXPECT_EQ(starter.code, 1) << starter.output;

    CliRun again = proctor("exercise export " + dir.string() + " " + out.string());
    EXPECT_EQ(again.code, 2) << again.output;
    EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;
  }
}

TEST_F(ExerciseCommand, ListShowsTheBundledExercises) {
  const fs::path bundled = fs::path(PROCTOR_SOURCE_DIR) / "exercises";
  CliRun r = proctor("exercise list " + bundled.string());
  EXPECT_EQ(r.code, 0) << r.output;
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(bundled)) {
    if (!fs::exists(entry.path() / "exercise.json") && !fs::exists(entry.path() / "problem.yaml")) continue;
    ++seen;
    EXPECT_NE(r.output.find(entry.path().filename().string() + " "), std::string::npos) << r.output;
  }
  EXPECT_GT(seen, 0);
}

TEST_F(ExerciseCommand, ListMarksAPackageThatDoesNotLoad) {
  create("good");
  const fs::path bad = create("bad");
  fs::remove(bad / "data/secret/1.ans");
  CliRun r = proctor("exercise list " + tmp.path().string());
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex("good .* yes"))) << r.output;
  EXPECT_NE(r.output.find("NO: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("has no matching .ans file"), std::string::npos) << r.output;
}

}  // namespace
