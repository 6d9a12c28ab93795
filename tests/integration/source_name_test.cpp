// The candidate's file keeps its name: compiler errors and warnings, assert() and __FILE__, analyzer and
// sanitizer findings say "my sol.c:LINE" (the path as typed, or the name a session gives), never the
// name of Proctor's private copy. Line numbers are the file's own; names with spaces, colons and regex
// characters still parse; a hostile name (a quote and a newline, invalid UTF-8, an option) neither breaks
// the build nor injects anything: it falls back to the neutral "submission.c".
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "schema_check.hpp"
#include "signals_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using proctor::test::CliResult;
using proctor::test::read_text;
using proctor::test::run_cli;
using proctor::test::shell_quote;
using proctor::test::write_text;

const fs::path kExercises = fs::path(PROCTOR_SOURCE_DIR) / "exercises";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// An undeclared identifier on line 3, column 3.
const char* kBroken = "#include <stdio.h>\nint main(void) {\n  nope = 1;\n  return 0;\n}\n";

// Prints its own __FILE__, then asserts something false on line 5: a wrong answer whose stdout and
// stderr show the names.
const char* kNames =
    "#include <assert.h>\n#include <stdio.h>\nint main(void) {\n  printf(\"[%s]\\n\", __FILE__);\n"
    "  fflush(stdout); assert(1 == 2);\n  return 0;\n}\n";

class SourceNameTest : public proctor::test::SignalsTest {
 protected:
  struct Practised {
    CliResult cli;
    json result;
  };

  // `proctor practice EXERCISE TYPED` run in a directory of its own, where `TYPED` (a relative path,
  // possibly with directories) holds `source`.
  Practised practise(const std::string& typed, const std::string& source,
                     const fs::path& exercise = kExercises / "log-levels") {
    const fs::path cwd = dir_.path() / "cwd";
    const fs::path file = cwd / typed;
    fs::create_directories(file.parent_path());
    write_text(file, source);
    const fs::path json_file = dir_.path() / "result.json";
    fs::remove(json_file);
    Practised p;
    // "./": a name starting with '-' is a file here, not an option of proctor's.
    p.cli = run_cli("practice " + shell_quote(exercise) + " " + shell_quote("./" + typed) +
                        " --color never --json " + shell_quote(json_file),
                    "cd " + shell_quote(cwd) + " &&");
    std::printf("%s\n", p.cli.output.c_str());
    if (fs::exists(json_file)) p.result = json::parse(read_text(json_file));
    return p;
  }

  // grade() with --signals of `source` saved as `file_name` (a name given by path, as the CLI does).
  json grade_as(const fs::path& exercise, const std::string& source, const std::string& file_name) {
    const fs::path file = dir_.path() / file_name;
    write_text(file, source);
    proctor::runner::GradeOptions options;
    options.signals = true;
    options.jobs = 1;
    const proctor::runner::Exercise loaded = proctor::runner::load_exercise(exercise);
    json r = proctor::runner::to_json(proctor::runner::grade(*sandbox_, loaded, file, options));
    std::printf("%s\n", r.dump(2).c_str());
    return r;
  }
};

TEST_F(SourceNameTest, ACompileErrorNamesTheFileAsTypedAtItsLine) {
  const Practised p = practise("my sol.c", kBroken);
  EXPECT_EQ(p.cli.exit_code, 1);
  EXPECT_TRUE(contains(p.cli.output, "my sol.c:3:3: error: ")) << p.cli.output;
  EXPECT_FALSE(contains(p.cli.output, "submission.c")) << p.cli.output;
  EXPECT_EQ(p.result["compile"]["status"], "CE");
  EXPECT_TRUE(contains(p.result["compile"]["output"].get<std::string>(), "my sol.c:3:3: error"));
}

TEST_F(SourceNameTest, APathWithDirectoriesIsKeptAsTyped) {
  const Practised p = practise("work dir/./my sol.c", kBroken);
  EXPECT_TRUE(contains(p.cli.output, "work dir/my sol.c:3:3: error")) << p.cli.output;
}

TEST_F(SourceNameTest, AFunctionExerciseBuildsWithTheHarnessAndNamesTheCandidatesFile) {
  const std::string ref = read_text(kExercises / "ring-buffer" / "submissions" / "accepted" / "ref.c");
  const Practised ok = practise("my ring.c", ref, kExercises / "ring-buffer");
  EXPECT_EQ(ok.cli.exit_code, 0) << ok.cli.output;
  EXPECT_EQ(ok.result["verdict"], "AC");
  const Practised broken =
      practise("my ring.c", "#include \"ring-buffer.h\"\n\nint x = y;\n", kExercises / "ring-buffer");
  EXPECT_TRUE(contains(broken.cli.output, "my ring.c:3:9: error: ")) << broken.cli.output;
}

TEST_F(SourceNameTest, FileAndAssertInTheProgramsOutputUseTheName) {
  const Practised p = practise("my sol.c", kNames);
  ASSERT_FALSE(p.result["tests"].empty()) << p.cli.output;
  const json& t = p.result["tests"][0];
  EXPECT_EQ(t["stdout"]["text"], "[my sol.c]\n") << t.dump(2);
  EXPECT_TRUE(contains(t["stderr"]["text"].get<std::string>(), "my sol.c:5: main: Assertion")) << t.dump(2);
}

TEST_F(SourceNameTest, AWarningIsStillTheCandidatesWithAColonAndRegexCharactersInTheName) {
  const std::string name = "a:b (1)+[x].c";
  const Practised p = practise(name, "int main(void) {\n  int unused;\n  return 0;\n}\n");
  ASSERT_TRUE(p.result.contains("compile")) << p.cli.output;
  const json& w = p.result["compile"]["warnings"];
  ASSERT_EQ(w.size(), 1u) << p.result["compile"].dump(2);
  EXPECT_EQ(w[0]["file"], name);
  EXPECT_EQ(w[0]["line"], 2);
  EXPECT_EQ(w[0]["column"], 7);
  EXPECT_EQ(w[0]["option"], "-Wunused-variable");
  EXPECT_TRUE(contains(p.result["compile"]["output"].get<std::string>(), name + ":2:7: warning"));
  EXPECT_TRUE(contains(p.cli.output, "  " + name + ":2:7  unused variable"))
      << "the warnings list" << p.cli.output;
}

TEST_F(SourceNameTest, AQuoteAndABackslashAreKeptAndEscapedByTheCompiler) {
  const Practised p = practise("q\"uo\\te.c", kNames);
  ASSERT_FALSE(p.result["tests"].empty()) << p.cli.output;
  EXPECT_EQ(p.result["compile"]["status"], "OK");
  EXPECT_EQ(p.result["tests"][0]["stdout"]["text"], "[q\"uo\\te.c]\n");
}

TEST_F(SourceNameTest, AHostileNameFallsBackAndInjectsNothing) {
  // A quote and newlines would close a #line string and start a directive of their own; invalid UTF-8
  // cannot go into a result; a leading '-' or '@' is an option or a response file for gcc.
  const std::string ref = read_text(kExercises / "log-levels" / "submissions" / "accepted" / "ref.c");
  for (const std::string& name : {std::string("x.c\"\n#error injected\n\".c"), std::string("\xff\xfe.c"),
                                  std::string("-o.c"), std::string("@opts.c")}) {
    SCOPED_TRACE(name);
    const Practised p = practise(name, ref);
    EXPECT_EQ(p.cli.exit_code, 0) << p.cli.output;
    EXPECT_EQ(p.result["compile"]["status"], "OK");
    EXPECT_EQ(p.result["verdict"], "AC");
    EXPECT_TRUE(matches_result_schema(p.result));
    const json& command = p.result["compile"]["command"];
    EXPECT_NE(std::find(command.begin(), command.end(), "submission.c"), command.end()) << command.dump();
    EXPECT_FALSE(contains(p.result["compile"]["output"].get<std::string>(), "injected"));
  }
  const Practised broken = practise("x.c\"\n#error injected\n\".c", kBroken);
  EXPECT_TRUE(contains(broken.cli.output, "submission.c:3:3: error")) << broken.cli.output;
}

// Reads N numbers into a buffer one too short (line 7) and frees it twice (line 10).
const char* kBuggy = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  int *a = malloc(sizeof *a * (size_t)n);
  long total = 0; for (int i = 0; i < n; i++) { scanf("%d", &a[i]); total += a[i]; } a[n] = 0;
  printf("%ld\n", total);
  free(a);
  free(a);
  return 0;
}
)";

TEST_F(SourceNameTest, SanitizerAndAnalyzerFindingsPointAtTheCandidatesFileAndLine) {
  const json r = grade_as(make_program_exercise(), kBuggy, "my sol.c");
  EXPECT_TRUE(matches_result_schema(r));
  const json* overflow = nullptr;
  for (const json& f : r["signals"]["sanitizer"]["findings"])
    if (f["kind"] == "heap-buffer-overflow") overflow = &f;
  ASSERT_NE(overflow, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*overflow)["location"]["file"], "my sol.c");
  EXPECT_EQ((*overflow)["location"]["origin"], "submission");
  EXPECT_EQ((*overflow)["location"]["line"], 7);
  const json* twice = nullptr;
  for (const json& f : r["signals"]["analysis"]["findings"])
    if (f["kind"] == "-Wanalyzer-double-free") twice = &f;
  ASSERT_NE(twice, nullptr) << r["signals"]["analysis"].dump(2);
  EXPECT_EQ((*twice)["location"]["file"], "my sol.c");
  EXPECT_EQ((*twice)["location"]["line"], 10);
}

// A candidate's file called like the harness's own source: the two must not be confused, so the
// candidate's is compiled under the neutral name and the harness's bug stays the harness's.
TEST_F(SourceNameTest, ANameTheHarnessUsesFallsBackAndTheHarnessKeepsItsFindings) {
  const char* sum =
      "#include \"fsum.h\"\nlong sum(const int *a, int n) {\n  long t = 0;\n"
      "  for (int i = 0; i < n; i++) t += a[i];\n  return t;\n}\n";
  fs::create_directories(dir_.path() / "mine");
  const json r = grade_as(make_function_exercise(true), sum, "mine/harness.c");
  EXPECT_EQ(r["verdict"], "AC");
  const json* overflow = nullptr;
  for (const json& f : r["signals"]["sanitizer"]["findings"])
    if (f["kind"] == "heap-buffer-overflow") overflow = &f;
  ASSERT_NE(overflow, nullptr) << r["signals"].dump(2);
  EXPECT_EQ((*overflow)["location"]["origin"], "harness");
  EXPECT_EQ((*overflow)["location"]["file"], "harness.c");
  EXPECT_EQ((*overflow)["location"]["line"], 9);
}

}  // namespace
