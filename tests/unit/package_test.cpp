// load_exercise and package_sha256 on packages built by the test in temporary directories: good ones in
// both formats, and bad ones whose one-line error must name the file and the problem.
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;
using namespace proctor::runner;

namespace {

class Package {
 public:
  Package() {
    std::string pattern = (fs::temp_directory_path() / "proctor-pkg-XXXXXX").string();
    base_ = mkdtemp(pattern.data());
    fs::permissions(base_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    root_ = base_ / "sum-two";
    fs::create_directories(root_);
  }
  ~Package() {
    std::error_code ec;
    // Undo chmod 000 so that removal works.
    for (auto it = fs::recursive_directory_iterator(base_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, ec);
    }
    fs::remove_all(base_, ec);
  }
  const fs::path& root() const { return root_; }
  const fs::path& base() const { return base_; }

  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  void remove(const std::string& rel) const { fs::remove_all(root_ / rel); }

  // A valid Proctor package: two samples, secret tests in two groups, submissions.
  void proctor_basics(const std::string& json_text = R"({
      "id": "sum-two", "title": "Sum two numbers", "kind": "program", "language": "c",
      "duration_minutes": 45,
      "limits": {"time_ms": 2000, "memory_mb": 128, "output_kb": 64, "wall_ms": 5000},
      "checker": {"type": "float", "abs": 0.001},
      "compile": {"std": "c11", "flags": ["-O2", "-lm", "-DNDEBUG"]}
    })") const {
    write("exercise.json", json_text);
    write("statement.md", "# Sum\n");
    write("starter.c", "int main(void) { return 0; }\n");
    for (const char* t :
         {"data/sample/2", "data/sample/1", "data/secret/g2/b", "data/secret/g1/a", "data/secret/top"}) {
      write(std::string(t) + ".in", "1 2\n");
      write(std::string(t) + ".ans", "3\n");
    }
    write("submissions/accepted/ok.c", "int main(void) { return 0; }\n");
    write("submissions/wrong_answer/off_by_one.c", "int main(void) { return 1; }\n");
  }

  void kattis_basics(const std::string& yaml) const {
    write("problem.yaml", yaml);
    write("data/sample/1.in", "1\n");
    write("data/sample/1.ans", "1\n");
    write("data/secret/1.in", "2\n");
    write("data/secret/1.ans", "2\n");
  }

 private:
  fs::path base_;
  fs::path root_;
};

// The message of the UserError thrown by loading, or a failure naming what happened instead.
std::string load_error(const fs::path& dir, LoadOptions options = {}) {
  try {
    load_exercise(dir, options);
  } catch (const UserError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("unexpected exception: ") + e.what();
  }
  return "loaded without error";
}

::testing::AssertionResult fails_with(const fs::path& dir, const std::string& file,
                                      const std::string& problem, LoadOptions options = {}) {
  std::string message = load_error(dir, options);
  std::string prefix = file + ": ";
  if (message.rfind(prefix, 0) != 0 || message.find(problem) == std::string::npos ||
      message.find('\n') != std::string::npos) {
    return ::testing::AssertionFailure()
           << "error \"" << message << "\" is not \"" << prefix << "..." << problem << "...\"";
  }
  return ::testing::AssertionSuccess();
}

TEST(LoadExercise, ReadsAProctorPackage) {
  Package p;
  p.proctor_basics();
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.root, fs::canonical(p.root()));
  EXPECT_EQ(e.format, "proctor");
  EXPECT_EQ(e.id, "sum-two");
  EXPECT_EQ(e.title, "Sum two numbers");
  EXPECT_EQ(e.kind, ExerciseKind::program);
  EXPECT_EQ(e.duration_minutes, 45);
  EXPECT_EQ(e.limits.time_ms, 2000u);
  EXPECT_EQ(e.limits.memory_mb, 128u);
  EXPECT_EQ(e.limits.output_kb, 64u);
  EXPECT_EQ(e.limits.wall_ms, 5000u);
  EXPECT_EQ(e.checker.type, "float");
  EXPECT_EQ(e.checker.abs_tolerance, 0.001);
  EXPECT_FALSE(e.checker.rel_tolerance);
  EXPECT_EQ(e.compile.std, "c11");
  EXPECT_EQ(e.compile.flags, (std::vector<std::string>{"-O2", "-lm", "-DNDEBUG"}));
  EXPECT_EQ(e.statement, e.root / "statement.md");
  EXPECT_EQ(e.starter, e.root / "starter.c");
  EXPECT_TRUE(e.include_dir.empty());

  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].name, "sample/1");
  EXPECT_EQ(e.samples[0].group, "sample");
  EXPECT_EQ(e.samples[0].visibility, Visibility::sample);
  EXPECT_EQ(e.samples[0].input, e.root / "data/sample/1.in");
  EXPECT_EQ(e.samples[0].answer, e.root / "data/sample/1.ans");
  EXPECT_EQ(e.samples[1].name, "sample/2");

  ASSERT_TRUE(e.secrets_loaded);
  ASSERT_EQ(e.secrets.size(), 3u);
  EXPECT_EQ(e.secrets[0].name, "secret/g1/a");
  EXPECT_EQ(e.secrets[0].group, "secret/g1");
  EXPECT_EQ(e.secrets[1].name, "secret/g2/b");
  EXPECT_EQ(e.secrets[2].name, "secret/top");
  EXPECT_EQ(e.secrets[2].group, "secret");
  EXPECT_EQ(e.secrets[2].visibility, Visibility::secret);
  for (const auto& t : e.secrets) EXPECT_EQ(t.points, 1.0);

  ASSERT_EQ(e.submissions.size(), 2u);
  EXPECT_EQ(e.submissions["accepted"], std::vector<fs::path>{e.root / "submissions/accepted/ok.c"});
  EXPECT_EQ(e.submissions["wrong_answer"].size(), 1u);
}

TEST(LoadExercise, DefaultsForAMinimalPackage) {
  Package p;
  p.write("exercise.json", R"({"id": "min", "title": "Minimal"})");
  p.write("statement.md", "x");
  p.write("data/sample/a.in", "");
  p.write("data/sample/a.ans", "");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.kind, ExerciseKind::program);
  EXPECT_EQ(e.language, "c");
  EXPECT_EQ(e.duration_minutes, 30);
  EXPECT_EQ(e.limits.time_ms, 1000u);
  EXPECT_EQ(e.limits.memory_mb, 256u);
  EXPECT_EQ(e.limits.output_kb, 8192u);
  EXPECT_FALSE(e.limits.wall_ms);
  EXPECT_EQ(e.checker.type, "tokens");
  EXPECT_EQ(e.compile.std, "gnu17");
  EXPECT_TRUE(e.starter.empty());
  EXPECT_TRUE(e.secrets.empty());
  EXPECT_TRUE(e.secrets_loaded);
  EXPECT_TRUE(e.submissions.empty());
}

TEST(LoadExercise, FunctionKindNeedsTheHarness) {
  Package p;
  p.proctor_basics(R"({"id": "f", "title": "F", "kind": "function"})");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "include/c").string(),
                         "missing: kind \"function\" needs the harness"));
  p.write("include/c/sum.h", "int sum(int, int);\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "include/c/harness.c").string(), "missing"));
  p.write("include/c/harness.c", "int main(void) { return 0; }\n");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.kind, ExerciseKind::function);
  EXPECT_EQ(e.include_dir, e.root / "include/c");
  p.remove("include/c/sum.h");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "include/c").string(), "no .h header"));
}

TEST(LoadExercise, ProgramKindRejectsAHarness) {
  Package p;
  p.proctor_basics();
  p.write("include/c/harness.c", "int main(void) { return 0; }\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "include/c").string(), "only used by kind \"function\""));
}

TEST(LoadExercise, ScoringPerTestAndPerGroup) {
  Package p;
  p.proctor_basics(R"({"id": "s", "title": "S", "scoring": {"per_test": 5}})");
  for (const auto& t : load_exercise(p.root()).secrets) EXPECT_EQ(t.points, 5.0);

  p.write("data/secret/g1/c.in", "");
  p.write("data/secret/g1/c.ans", "");
  p.write(
      "exercise.json",
      R"({"id": "s", "title": "S", "scoring": {"groups": {"secret": 10, "secret/g1": 30, "secret/g2": 60}}})");
  Exercise e = load_exercise(p.root());
  for (const auto& t : e.samples) EXPECT_EQ(t.points, 0.0);
  ASSERT_EQ(e.secrets.size(), 4u);
  EXPECT_EQ(e.secrets[0].name, "secret/g1/a");
  EXPECT_EQ(e.secrets[0].points, 15.0);  // 30 shared by two tests
  EXPECT_EQ(e.secrets[2].points, 60.0);
  EXPECT_EQ(e.secrets[3].points, 10.0);

  fs::path json = p.root() / "exercise.json";
  p.write("exercise.json",
          R"({"id": "s", "title": "S", "scoring": {"groups": {"secret": 10, "secret/g1": 30}}})");
  EXPECT_TRUE(fails_with(p.root(), json.string(), "gives no points to group \"secret/g2\""));
  // Without secrets, secret groups cannot be checked, and are not.
  EXPECT_EQ(load_error(p.root(), {.include_secret = false}), "loaded without error");
  p.write(
      "exercise.json",
      R"({"id": "s", "title": "S", "scoring": {"groups": {"secret": 1, "secret/g1": 1, "secret/g2": 1, "secret/g3": 1}}})");
  EXPECT_TRUE(fails_with(p.root(), json.string(), "names \"secret/g3\", which has no tests"));
  p.write("exercise.json",
          R"({"id": "s", "title": "S", "scoring": {"per_test": 1, "groups": {"secret": 1}}})");
  EXPECT_TRUE(fails_with(p.root(), json.string(), "either per_test or groups"));
}

TEST(LoadExercise, ReadsAKattisPackage) {
  Package p;
  p.kattis_basics(R"(
name: Sum Two
author: Someone
license: cc by-sa
limits:
  memory: 512
  output: 16
  time_limit: 2.5
validator_flags: float_tolerance 1e-4 case_sensitive
)");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.format, "kattis");
  EXPECT_EQ(e.id, "sum-two");
  EXPECT_EQ(e.title, "Sum Two");
  EXPECT_EQ(e.kind, ExerciseKind::program);
  EXPECT_EQ(e.limits.time_ms, 2500u);
  EXPECT_EQ(e.limits.memory_mb, 512u);
  EXPECT_EQ(e.limits.output_kb, 16u * 1024);
  EXPECT_EQ(e.checker.type, "tokens");
  EXPECT_TRUE(e.checker.case_sensitive);
  EXPECT_EQ(e.checker.abs_tolerance, 1e-4);
  EXPECT_EQ(e.checker.rel_tolerance, 1e-4);
  EXPECT_EQ(e.samples.size(), 1u);
  EXPECT_EQ(e.secrets.size(), 1u);

  p.write(".timelimit", "3\n");  // DOMjudge's file wins over problem.yaml
  EXPECT_EQ(load_exercise(p.root()).limits.time_ms, 3000u);
  p.write(".timelimit", "fast");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / ".timelimit").string(), "not a positive number of seconds"));
}

TEST(LoadExercise, KattisDefaultsAndNewerSpellings) {
  Package p;
  p.kattis_basics("output_validator_args: [space_change_sensitive, float_absolute_tolerance, '0.5']\n");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.title, "sum-two");
  EXPECT_EQ(e.limits.time_ms, 1000u);
  EXPECT_EQ(e.limits.memory_mb, 256u);
  EXPECT_TRUE(e.checker.space_change_sensitive);
  EXPECT_EQ(e.checker.abs_tolerance, 0.5);
  EXPECT_FALSE(e.checker.rel_tolerance);

  p.write("problem.yaml", "name: {de: Summe, en: Sum}\nvalidator_flags: float_tolerance\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "problem.yaml").string(),
                         "validator flag \"float_tolerance\" needs a value"));
  p.write("problem.yaml", "validator_flags: ignore_case\n");
  EXPECT_TRUE(
      fails_with(p.root(), (p.root() / "problem.yaml").string(), "unknown validator flag \"ignore_case\""));
  p.write("problem.yaml", "validation: custom interactive\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "problem.yaml").string(), "not supported"));
  p.write("problem.yaml", "limits: {memory: 8}\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "problem.yaml").string(),
                         "\"limits.memory\" is 8 MiB, must be between 16 and 4096"));
  p.write("problem.yaml", "name: [unclosed\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "problem.yaml").string(), "malformed YAML at line 2"));
}

TEST(LoadExercise, KattisCustomValidator) {
  Package p;
  p.kattis_basics("validation: custom\nvalidator_flags: strict 3\n");
  EXPECT_TRUE(
      fails_with(p.root(), (p.root() / "output_validators").string(), "missing: checker type \"custom\""));
  p.write("output_validators/check/README", "no sources");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "output_validators/check").string(), "no validator sources"));
  p.write("output_validators/check/validate.cc", "int main() { return 42; }\n");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.checker.type, "custom");
  EXPECT_EQ(e.checker.custom_dir, e.root / "output_validators/check");
  EXPECT_EQ(e.checker.args, (std::vector<std::string>{"strict", "3"}));
  p.write("output_validators/other/v.c", "");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "output_validators").string(), "holds 2 validators"));
}

TEST(LoadExercise, ProctorCustomValidatorByName) {
  Package p;
  p.proctor_basics(
      R"({"id": "c", "title": "C", "checker": {"type": "custom", "validator": "b", "args": ["x"]}})");
  p.write("output_validators/a/v.c", "");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "output_validators/b").string(), "does not exist"));
  p.write("output_validators/b/v.cpp", "");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.checker.custom_dir, e.root / "output_validators/b");
  EXPECT_EQ(e.checker.args, std::vector<std::string>{"x"});
}

TEST(LoadExerciseErrors, DirectoryProblems) {
  Package p;
  EXPECT_TRUE(
      fails_with(p.root() / "nope", (p.root() / "nope").string(), "exercise directory does not exist"));
  p.write("file", "x");
  EXPECT_TRUE(fails_with(p.root() / "file", (p.root() / "file").string(), "is not a directory"));
  EXPECT_TRUE(fails_with(p.root(), p.root().string(), "neither exercise.json nor problem.yaml"));
}

TEST(LoadExerciseErrors, MalformedAndMistypedJson) {
  Package p;
  p.proctor_basics();
  std::string json = (p.root() / "exercise.json").string();
  auto with = [&](const std::string& text) {
    p.write("exercise.json", text);
    return load_error(p.root());
  };
  const std::pair<std::string, std::string> cases[] = {
      {"{\"id\": \"x\",\n \"title\": }", "malformed JSON: line 2, column"},
      {"[1]", "top level must be a JSON object"},
      {R"({"title": "T"})", "field \"id\" is missing"},
      {R"({"id": "x"})", "field \"title\" is missing"},
      {R"({"id": "../x", "title": "T"})", "field \"id\" is \"../x\""},
      {R"({"id": 7, "title": "T"})", "field \"id\" must be a string"},
      {R"({"id": "x", "title": "T", "kind": "procedure"})",
       "field \"kind\" is \"procedure\", must be \"program\" or \"function\""},
      {R"({"id": "x", "title": "T", "language": "cpp"})", "only \"c\" is supported"},
      {R"({"id": "x", "title": "T", "limits": {"time_ms": "1000"}})",
       "field \"limits.time_ms\" must be an integer"},
      {R"({"id": "x", "title": "T", "limits": {"time_ms": 1.5}})",
       "field \"limits.time_ms\" must be an integer"},
      {R"({"id": "x", "title": "T", "limits": {"time_ms": 0}})",
       "field \"limits.time_ms\" is 0, must be between 1 and 60000"},
      {R"({"id": "x", "title": "T", "limits": {"time_ms": 60001}})", "between 1 and 60000"},
      {R"({"id": "x", "title": "T", "limits": {"memory_mb": 15}})",
       "field \"limits.memory_mb\" is 15, must be between 16 and 4096"},
      {R"({"id": "x", "title": "T", "limits": {"memory_mb": 4097}})", "between 16 and 4096"},
      {R"({"id": "x", "title": "T", "limits": {"output_kb": 0}})",
       "field \"limits.output_kb\" is 0, must be between 1 and 1048576"},
      {R"({"id": "x", "title": "T", "limits": {"output_kb": 1048577}})", "between 1 and 1048576"},
      {R"({"id": "x", "title": "T", "limits": {"memory_mb": -5}})", "field \"limits.memory_mb\" is -5"},
      {R"({"id": "x", "title": "T", "limits": {"time_ms": 2000, "wall_ms": 1000}})",
       "\"limits.wall_ms\" must be at least time_ms"},
      {R"({"id": "x", "title": "T", "limits": {"tiem_ms": 5}})", "field \"limits.tiem_ms\" is unknown"},
      {R"({"id": "x", "title": "T", "limits": 5})", "field \"limits\" must be an object"},
      {R"({"id": "x", "title": "T", "duration_minutes": 0})",
       "field \"duration_minutes\" is 0, must be between 1 and 600"},
      {R"({"id": "x", "title": "T", "duration_minutes": 601})", "between 1 and 600"},
      {R"({"id": "x", "title": "T", "checker": {"type": "regex"}})",
       "field \"checker.type\" is \"regex\", must be one of"},
      {R"({"id": "x", "title": "T", "checker": {"type": "tokens", "case_sensitive": "yes"}})",
       "\"checker.case_sensitive\" must be true or false"},
      {R"({"id": "x", "title": "T", "checker": {"type": "float", "abs": -1}})",
       "\"checker.abs\" must be a finite number >= 0"},
      {R"({"id": "x", "title": "T", "checker": {"type": "tokens", "args": ["a"]}})",
       "\"checker.args\" is only used by checker type \"custom\""},
      {R"({"id": "x", "title": "T", "checker": {"type": "exact", "case_sensitive": true}})",
       "takes no options"},
      {R"({"id": "x", "title": "T", "compile": {"std": "c++17"}})", "field \"compile.std\" is \"c++17\""},
      {R"({"id": "x", "title": "T", "compile": {"flags": ["-fplugin=/tmp/evil.so"]}})",
       "not an allowed compiler flag"},
      {R"({"id": "x", "title": "T", "compile": {"flags": ["-o", "/etc/passwd"]}})",
       "\"-o\", which is not an allowed"},
      {R"({"id": "x", "title": "T", "compile": {"flags": ["-Wl,-T,/etc/x"]}})",
       "not an allowed compiler flag"},
      {R"({"id": "x", "title": "T", "compile": {"flags": "-O2"}})",
       "\"compile.flags\" must be an array of strings"},
      {R"({"id": "x", "title": "T", "scoring": {"groups": {"secret": "ten"}}})",
       "\"scoring.groups\" must map groups to numbers"},
      {R"({"id": "x", "title": "T", "timelimit": 1})", "field \"timelimit\" is unknown"},
  };
  for (const auto& [text, problem] : cases) {
    std::string message = with(text);
    EXPECT_EQ(message.rfind(json + ": ", 0), 0u) << text << " -> " << message;
    EXPECT_NE(message.find(problem), std::string::npos) << text << " -> " << message;
  }
  EXPECT_EQ(with(R"({"$schema": "x", "x-author": "me", "id": "x", "title": "T"})"), "loaded without error");
}

TEST(LoadExerciseErrors, TestDataProblems) {
  Package p;
  p.proctor_basics();
  p.write("data/sample/3.in", "1\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/sample/3.in").string(), "has no matching .ans file"));
  p.remove("data/sample/3.in");
  p.write("data/secret/g1/z.ans", "1\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret/g1/z.ans").string(), "has no matching .in file"));
  // Secret data is not read without secrets.
  EXPECT_EQ(load_error(p.root(), {.include_secret = false}), "loaded without error");
  p.remove("data/secret/g1/z.ans");
  p.write("data/sample/sub/1.in", "");
  EXPECT_TRUE(
      fails_with(p.root(), (p.root() / "data/sample/sub").string(), "subdirectories are not allowed"));
  // Samples are optional (as in Kattis): none is a package practice has nothing to run on.
  p.remove("data/sample");
  EXPECT_TRUE(load_exercise(p.root()).samples.empty());
  p.write("data/sample/readme.txt", "");
  EXPECT_TRUE(load_exercise(p.root()).samples.empty());
}

TEST(LoadExerciseErrors, StatementAndSubmissions) {
  Package p;
  p.proctor_basics();
  p.write("submissions/accepted_maybe/x.c", "");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "submissions/accepted_maybe").string(),
                         "unknown submissions directory \"accepted_maybe\""));
  p.remove("submissions/accepted_maybe");
  p.write("submissions/accepted/notes.txt", "");
  EXPECT_TRUE(
      fails_with(p.root(), (p.root() / "submissions/accepted/notes.txt").string(), "is not a .c file"));
  p.remove("submissions/accepted/notes.txt");
  p.remove("statement.md");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "statement.md").string(), "missing"));
}

TEST(LoadExercise, KattisSkipsOtherLanguagesAndNotesUnknownDirectories) {
  Package p;
  p.kattis_basics("name: K\n");
  p.write("submissions/accepted/sol.cpp", "");
  p.write("submissions/accepted/sol.c", "");
  p.write("submissions/partially_accepted/p.py", "");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.submissions["accepted"], std::vector<fs::path>{e.root / "submissions/accepted/sol.c"});
  EXPECT_TRUE(e.notes.empty());
  // DOMjudge's check_manually/ and BAPCtools' slow_accepted/: loaded, listed as a note, not validated.
  p.write("submissions/check_manually/a.c", "int main(void) { return 0; }\n");
  p.write("submissions/slow_accepted/b.c", "int main(void) { return 0; }\n");
  e = load_exercise(p.root());
  EXPECT_EQ(e.submissions.count("check_manually"), 0u);
  ASSERT_EQ(e.notes.size(), 2u);
  EXPECT_NE(e.notes[0].find("submissions/check_manually: not a verdict directory"), std::string::npos)
      << e.notes[0];
}

TEST(LoadExercise, DomjudgeExpectedResultsAnnotations) {
  Package p;
  p.kattis_basics("name: K\n");
  p.write("submissions/multiple/x.c",
          "/* @EXPECTED_RESULTS@: WRONG-ANSWER, timelimit */\nint main(void) {}\n");
  p.write("submissions/accepted/y.c", "// @EXPECTED_RESULTS@: CORRECT\nint main(void) {}\n");
  p.write("submissions/compiler_error/z.c", "int main(void) {\n");
  Exercise e = load_exercise(p.root());
  ASSERT_EQ(e.submissions["multiple"].size(), 1u);
  const SubmissionExpectation& x = e.expectations.at(e.submissions["multiple"][0]);
  EXPECT_EQ(x.overall, (std::vector{Verdict::WA, Verdict::TLE}));
  EXPECT_EQ(x.source, "@EXPECTED_RESULTS@");
  EXPECT_EQ(e.expectations.at(e.submissions["accepted"][0]).overall, std::vector{Verdict::AC});
  EXPECT_EQ(e.submissions["compiler_error"].size(), 1u);
  p.write("submissions/multiple/x.c", "// @EXPECTED_RESULTS@: PRESENTATION-ERROR\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "submissions/multiple/x.c").string(),
                         "@EXPECTED_RESULTS@ value \"PRESENTATION-ERROR\" is not supported"));
}

TEST(LoadExercise, KattisSubmissionsYaml) {
  Package p;
  p.kattis_basics("name: K\n");
  p.write("submissions/wrong_answer/w.c", "");
  p.write("submissions/accepted/a.c", "");
  p.write("submissions/submissions.yaml",
          "wrong_answer/{w,v}.c:\n  permitted: [AC, WA, RTE]\n  required: [WA]\n  score: 3\n");
  Exercise e = load_exercise(p.root());
  const SubmissionExpectation& w = e.expectations.at(e.submissions["wrong_answer"][0]);
  EXPECT_EQ(w.permitted, (std::vector{Verdict::AC, Verdict::WA}));  // the directory's default narrows it
  EXPECT_EQ(w.required, (std::vector<std::vector<Verdict>>{{Verdict::WA}}));  // the same rule once
  EXPECT_EQ(e.expectations.count(e.submissions["accepted"][0]), 0u);
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_NE(e.notes[0].find("\"score\""), std::string::npos);
  p.write("submissions/submissions.yaml", "accepted:\n  permitted: [OK]\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "submissions/submissions.yaml").string(), "holds \"OK\""));
}

TEST(LoadExercise, Kattis2023FormatAndDomjudgeIni) {
  Package p;
  p.kattis_basics(
      "problem_format_version: 2023-07-draft\ntype: [pass-fail]\nname: {nl: Som, en: Sum}\nuuid: x\n"
      "limits: {time_limit: 2.5, memory: 512, time_multipliers: {ac_to_time_limit: 3}}\n");
  p.write("data/test_group.yaml",
          "output_validator_args: [case_sensitive]\ninput_validator_args: [--strict]\n");
  p.write("input_validators/check.c", "int main(void) { return 42; }\n");
  p.write("input_validators/check.py", "");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.title, "Sum");
  EXPECT_EQ(e.limits.time_ms, 2500u);
  EXPECT_EQ(e.limits.memory_mb, 512u);
  EXPECT_TRUE(e.checker.case_sensitive);
  ASSERT_EQ(e.input_validators.size(), 2u);
  EXPECT_EQ(e.input_validators[0].args, std::vector<std::string>{"--strict"});
  EXPECT_EQ(e.input_validators[0].unsupported, "");
  // The Python validator loads (grading does not need it) marked unsupported: `validate` reports it.
  EXPECT_EQ(e.input_validators[1].name, "check");
  EXPECT_NE(e.input_validators[1].unsupported.find("written in Python (check.py)"), std::string::npos);
  // A custom validator is output_validator/ (no `validation` key in 2023-07).
  p.write("output_validator/v.c", "int main(void) { return 42; }\n");
  e = load_exercise(p.root());
  EXPECT_EQ(e.checker.type, "custom");
  EXPECT_EQ(e.checker.args, std::vector<std::string>{"case_sensitive"});
  EXPECT_EQ(e.checker.custom_dir, e.root / "output_validator");
  p.write("problem.yaml", "problem_format_version: 2023-07-draft\ntype: [pass-fail, interactive]\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "problem.yaml").string(), "\"interactive\" is not supported"));
  // DOMjudge's ini sets the time limit when .timelimit is absent.
  p.write("problem.yaml", "name: K\n");
  p.remove("output_validator");
  p.write("domjudge-problem.ini", "name='K'\ntimelimit = '3'\n");
  EXPECT_EQ(load_exercise(p.root()).limits.time_ms, 3000u);
}

TEST(LoadExercise, IgnoresDanglingLinksGradingDoesNotRead) {
  Package p;
  p.kattis_basics("name: K\n");
  fs::create_symlink("build/problem.pdf", p.root() / "problem.pdf");
  fs::create_symlink("/nonexistent/statement.pdf", p.root() / "problem_statement.pdf");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.samples.size(), 1u);
  // Under data/ a dangling link is still an error: grading would read it.
  fs::create_symlink("missing.ans", p.root() / "data/secret/9.in");
  EXPECT_FALSE(load_error(p.root()) == "loaded without error");
}

TEST(LoadExerciseErrors, FuzzFindingsAreOneLineErrors) {
  Package p;
  p.proctor_basics(R"({"id": "sum-two", "title": "T", "limits": {"time_ms": 1e999}})");
  std::string error = load_error(p.root());
  EXPECT_NE(error.find("exercise.json: malformed JSON"), std::string::npos) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos);
  Package k;
  k.kattis_basics(std::string("name: \"bad \xff\xfe title\"\n"));
  Exercise e = load_exercise(k.root());
  EXPECT_EQ(e.title, "bad \xEF\xBF\xBD\xEF\xBF\xBD title");
  // A key with a broken byte (found by tests/fuzz): the parser's message quotes it; one line, valid UTF-8.
  Package b;
  b.proctor_basics(std::string(R"({"id": "sum-two", "title": "T", "bad)") + "\xff" + R"(key": 1})");
  std::string broken = load_error(b.root());
  EXPECT_NE(broken.find("exercise.json: malformed JSON"), std::string::npos) << broken;
  EXPECT_EQ(broken.find('\xff'), std::string::npos) << broken;
  EXPECT_EQ(proctor::text::valid_utf8(broken), broken);
  // A YAML escape of a broken byte (found by the suite's fuzz run in data/test_group.yaml): yaml-cpp's
  // message quotes the byte raw; the error is one line of valid UTF-8, in every YAML file the loader reads.
  for (const char* file : {"data/test_group.yaml", "problem.yaml", "submissions/submissions.yaml"}) {
    Package y;
    y.kattis_basics("name: K\n");
    y.write(file, std::string("key: \"\\\x85\"\n"));
    std::string yaml_error = load_error(y.root());
    EXPECT_NE(yaml_error.find(std::string(file) + ": malformed YAML at line 1, column"), std::string::npos)
        << yaml_error;
    EXPECT_EQ(proctor::text::valid_utf8(yaml_error), yaml_error) << file;
    EXPECT_EQ(yaml_error.find('\n'), std::string::npos) << file;
  }
  // An unknown key holding a newline (a JSON escape): the message stays on one line.
  Package u;
  u.proctor_basics(R"({"id": "sum-two", "title": "T", "bad\nkey": 1})");
  std::string unknown = load_error(u.root());
  EXPECT_NE(unknown.find("is unknown"), std::string::npos) << unknown;
  EXPECT_EQ(unknown.find('\n'), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("bad\\x0akey"), std::string::npos) << unknown;
  // A test file name with a newline or a broken byte: one line, escaped.
  k.write("data/secret/a\nb\xff.in", "1\n");
  k.write("data/secret/a\nb\xff.ans", "1\n");
  EXPECT_TRUE(fails_with(k.root(), (k.root() / "data/secret").string(),
                         "holds a file whose name is not printable UTF-8: \"a\\x0ab\\xff."));
}

TEST(LoadExerciseErrors, SymlinksMustStayInside) {
  Package p;
  p.proctor_basics();
  p.write("outside.txt", "");  // inside the package: fine as a link target
  fs::create_symlink(p.root() / "data/sample/1.ans", p.root() / "data/secret/linked.ans");
  fs::create_symlink("../sample/1.in", p.root() / "data/secret/linked.in");
  Exercise e = load_exercise(p.root());
  ASSERT_EQ(e.secrets.size(), 4u);
  EXPECT_EQ(e.secrets[2].name, "secret/linked");
  EXPECT_EQ(e.secrets[2].input, e.root / "data/sample/1.in");  // resolved: the grader follows no link

  std::ofstream(p.base() / "secret-elsewhere") << "42\n";
  fs::remove(p.root() / "data/sample/2.ans");
  fs::create_symlink(p.base() / "secret-elsewhere", p.root() / "data/sample/2.ans");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/sample/2.ans").string(), "leads outside the package"));
  fs::remove(p.root() / "data/sample/2.ans");
  fs::create_symlink("/etc/passwd", p.root() / "data/sample/2.ans");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/sample/2.ans").string(), "leads outside the package"));
  fs::remove(p.root() / "data/sample/2.ans");
  p.write("data/sample/2.ans", "3\n");

  fs::create_symlink("/etc/shadow", p.root() / "submissions/accepted/steal.c");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "submissions/accepted/steal.c").string(),
                         "leads outside the package"));
  fs::remove(p.root() / "submissions/accepted/steal.c");
  fs::create_symlink(p.root() / "missing.c", p.root() / "submissions/accepted/dangling.c");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "submissions/accepted/dangling.c").string(),
                         "points to a missing file"));
  fs::remove(p.root() / "submissions/accepted/dangling.c");

  // A symlinked directory leading out is caught too.
  fs::create_directories(p.base() / "elsewhere");
  std::ofstream(p.base() / "elsewhere/x.in") << "1";
  std::ofstream(p.base() / "elsewhere/x.ans") << "1";
  fs::create_directory_symlink(p.base() / "elsewhere", p.root() / "data/secret/g3");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret/g3").string(), "leads outside the package"));
}

TEST(LoadExerciseErrors, SpecialAndHugeFiles) {
  Package p;
  p.proctor_basics();
  ASSERT_EQ(mkfifo((p.root() / "data/secret/fifo.in").c_str(), 0644), 0);
  p.write("data/secret/fifo.ans", "");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret/fifo.in").string(), "is not a regular file"));
  fs::remove(p.root() / "data/secret/fifo.in");
  p.write("data/secret/fifo.in", "");
  // A sparse file: large on paper, no disk used.
  fs::resize_file(p.root() / "data/secret/fifo.ans", kMaxPackageFileBytes + 1);
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret/fifo.ans").string(), "file is too large"));
}

TEST(LoadExerciseSecrets, PracticeNeverTouchesDataSecret) {
  Package p;
  p.proctor_basics();
  // Root-proof: data/secret is a link out of the package. Following it at all would be an error.
  fs::remove_all(p.root() / "data/secret");
  fs::create_directory_symlink("/", p.root() / "data/secret");
  Exercise e = load_exercise(p.root(), {.include_secret = false});
  EXPECT_FALSE(e.secrets_loaded);
  EXPECT_TRUE(e.secrets.empty());
  EXPECT_EQ(e.samples.size(), 2u);
  EXPECT_FALSE(package_sha256(e).empty());
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret").string(), "leads outside the package"));
}

// The real thing: data/secret mode 000, loaded by an unprivileged user (root would bypass the mode).
TEST(LoadExerciseSecrets, UnreadableSecretsAsNobody) {
  Package p;
  p.proctor_basics();
  fs::permissions(p.root() / "data/secret", fs::perms::none);

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    std::string report;
    int code = 0;
    if (geteuid() == 0 && (setgroups(0, nullptr) != 0 || setresgid(65534, 65534, 65534) != 0 ||
                           setresuid(65534, 65534, 65534) != 0)) {
      report = "cannot drop privileges";
      code = 2;
    } else if (access((p.root() / "data/secret").c_str(), R_OK) == 0) {
      report = "data/secret is still readable";
      code = 2;
    } else {
      report = load_error(p.root(), {.include_secret = false}) + "\n" +
               load_error(p.root(), {.include_secret = true});
      try {
        Exercise e = load_exercise(p.root(), {.include_secret = false});
        report += "\nhash:" + package_sha256(e);
      } catch (const std::exception& ex) {
        report += std::string("\nhash failed: ") + ex.what();
      }
    }
    (void)!::write(fds[1], report.data(), report.size());
    _exit(code);
  }
  close(fds[1]);
  std::string report;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
    report.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 2) GTEST_SKIP() << report;
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << report;
  std::string practice = report.substr(0, report.find('\n'));
  std::string full = report.substr(report.find('\n') + 1);
  EXPECT_EQ(practice, "loaded without error");
  EXPECT_NE(full.find((p.root() / "data/secret").string() + ": cannot list directory: Permission denied"),
            std::string::npos)
      << full;
  EXPECT_NE(full.find("\nhash:"), std::string::npos) << full;
}

TEST(PackageSha256, StableAndSensitiveToEveryFile) {
  Package p;
  p.proctor_basics();
  Exercise e = load_exercise(p.root());
  std::string first = package_sha256(e);
  EXPECT_EQ(first.size(), 64u);
  EXPECT_EQ(package_sha256(load_exercise(p.root())), first);
  auto reloaded = [&](const LoadOptions& options = {}) {
    return package_sha256(load_exercise(p.root(), options));
  };

  p.write(".git-like-hidden", "ignored");
  EXPECT_EQ(reloaded(), first);

  p.write("data/secret/g1/a.ans", "4\n");
  std::string changed = reloaded();
  EXPECT_NE(changed, first);
  EXPECT_EQ(package_sha256(e), first) << "the hash is the package's as loaded, computed once per load";

  // Practice hashes leave data/secret out, so they differ from full ones and ignore secret edits.
  std::string practice_hash = reloaded({.include_secret = false});
  EXPECT_NE(practice_hash, changed);
  p.write("data/secret/g1/a.ans", "5\n");
  EXPECT_EQ(reloaded({.include_secret = false}), practice_hash);

  p.write("statement.md", "# Sum!\n");
  EXPECT_NE(reloaded({.include_secret = false}), practice_hash);

  std::string before = reloaded();
  fs::rename(p.root() / "starter.c", p.root() / "starter2.c");
  EXPECT_NE(reloaded(), before);

  before = reloaded();
  p.write(".timelimit", "2");
  EXPECT_NE(reloaded(), before);
}

TEST(PackageSha256, AnExerciseNotMadeByTheLoaderHasNoHash) {
  EXPECT_THROW(package_sha256(Exercise{}), InternalError);
}

}  // namespace

// Kattis test group settings: data/testdata.yaml (legacy) or test_group.yaml (2023-07) in data/ and in
// every group directory, each key inherited down the tree; a test's own <name>.yaml last.
TEST(KattisTestGroups, FlagsAndScoresInheritDownTheTree) {
  Package p;
  p.kattis_basics("name: K\nvalidator_flags: case_sensitive\n");
  p.write("data/secret/g1/a.in", "1\n");
  p.write("data/secret/g1/a.ans", "1\n");
  p.write("data/secret/g1/deep/b.in", "1\n");
  p.write("data/secret/g1/deep/b.ans", "1\n");
  p.write("data/secret/g2/c.in", "1\n");
  p.write("data/secret/g2/c.ans", "1\n");
  p.write("input_validators/range.c", "int main(void) { return 42; }\n");
  p.write("input_validators/other/v.c", "int main(void) { return 42; }\n");
  p.write("data/testdata.yaml", "input_validator_flags: --max 10\n");
  p.write("data/secret/g1/testdata.yaml",
          "output_validator_flags: float_tolerance 0.5\naccept_score: 2\n"
          "input_validator_flags: {range: --max 99}\n");
  p.write("data/secret/g1/deep/testdata.yaml", "accept_score: 5\n");
  Exercise e = load_exercise(p.root());
  auto test = [&](const std::string& name) -> const TestCase& {
    for (const TestCase& t : e.secrets)
      if (t.name == name) return t;
    for (const TestCase& t : e.samples)
      if (t.name == name) return t;
    throw std::runtime_error("no test " + name);
  };
  // The package's checker: problem.yaml's flags; data/ sets none.
  EXPECT_TRUE(e.checker.case_sensitive);
  EXPECT_FALSE(e.checker.abs_tolerance);
  EXPECT_FALSE(test("sample/1").checker);
  EXPECT_FALSE(test("secret/g2/c").checker);
  // g1 adds its flags after problem.yaml's, and deep/ inherits them with a score of its own.
  for (const char* name : {"secret/g1/a", "secret/g1/deep/b"}) {
    ASSERT_TRUE(test(name).checker) << name;
    EXPECT_TRUE(test(name).checker->case_sensitive) << name;
    EXPECT_EQ(test(name).checker->abs_tolerance, 0.5) << name;
    EXPECT_EQ(test(name).checker->rel_tolerance, 0.5) << name;
  }
  EXPECT_EQ(test("secret/g1/a").points, 2.0);
  EXPECT_EQ(test("secret/g1/deep/b").points, 5.0);
  EXPECT_EQ(test("secret/g2/c").points, 1.0);
  // Input validator arguments: data/'s for every validator, g1's map for "range" only (the one-file
  // validator is named by its stem); "other" gets nothing in g1, as Kattis gives it.
  ASSERT_EQ(e.input_validators.size(), 2u);
  EXPECT_EQ(e.input_validators[0].args, (std::vector<std::string>{"--max", "10"}));
  EXPECT_EQ(test("secret/g2/c").input_validator_args.at("range"), (std::vector<std::string>{"--max", "10"}));
  EXPECT_EQ(test("secret/g1/deep/b").input_validator_args.at("range"),
            (std::vector<std::string>{"--max", "99"}));
  EXPECT_EQ(test("secret/g1/a").input_validator_args.at("other"), std::vector<std::string>{});
  // A custom validator gets problem.yaml's then the group's flags as arguments.
  p.write("problem.yaml", "name: K\nvalidation: custom\nvalidator_flags: x\n");
  p.write("output_validators/v/v.c", "int main(void) { return 42; }\n");
  e = load_exercise(p.root());
  EXPECT_EQ(e.checker.args, std::vector<std::string>{"x"});
  ASSERT_TRUE(test("secret/g1/a").checker);
  EXPECT_EQ(test("secret/g1/a").checker->args, (std::vector<std::string>{"x", "float_tolerance", "0.5"}));
}

TEST(KattisTestGroups, A2023TestsOwnYamlComesLast) {
  Package p;
  p.kattis_basics("problem_format_version: 2023-07\nname: K\n");
  p.write("data/secret/test_group.yaml", "output_validator_args: [case_sensitive]\n");
  p.write("data/secret/1.yaml", "output_validator_args: [space_change_sensitive]\n");
  p.write("data/secret/2.in", "1\n");
  p.write("data/secret/2.ans", "1\n");
  Exercise e = load_exercise(p.root());
  ASSERT_EQ(e.secrets.size(), 2u);
  ASSERT_TRUE(e.secrets[0].checker);
  EXPECT_FALSE(e.secrets[0].checker->case_sensitive);  // replaced, not added to
  EXPECT_TRUE(e.secrets[0].checker->space_change_sensitive);
  ASSERT_TRUE(e.secrets[1].checker);
  EXPECT_TRUE(e.secrets[1].checker->case_sensitive);
  EXPECT_FALSE(e.samples[0].checker);
  // A bad flag in a group names that group's file.
  p.write("data/secret/test_group.yaml", "output_validator_args: [case_insensitive]\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret/test_group.yaml").string(),
                         "unknown validator flag \"case_insensitive\""));
}

// Every setting that would change a verdict or a score the way Proctor cannot is an error naming the
// file and the key, whichever level it sits at.
TEST(KattisTestGroups, UnsupportedSettingsNameFileAndKey) {
  struct Case {
    std::string problem_yaml, file, text, expected;
  };
  const std::vector<Case> cases = {
      {"name: K\n", "data/secret/testdata.yaml", "grader_flags: first_error min\n",
       "\"grader_flags\" min is not supported"},
      {"name: K\n", "data/testdata.yaml", "grader_flags: ignore_sample\n",
       "\"grader_flags\" ignore_sample is not supported"},
      {"name: K\n", "data/secret/g/testdata.yaml", "grading: custom\n",
       "\"grading: custom\" is not supported"},
      {"name: K\n", "data/secret/testdata.yaml", "reject_score: -1\n",
       "\"reject_score\" -1 is not supported"},
      {"name: K\n", "data/secret/testdata.yaml", "range: 0 1\n",
       "\"range\" 0 1 is not supported: it would clamp the score of data/secret (0 to 2 points)"},
      {"name: K\n", "data/testdata.yaml", "range: 1 100\n", "\"range\" 1 100 is not supported"},
      {"name: K\ntype: scoring\n", "data/secret/g/testdata.yaml", "on_reject: break\n",
       "\"on_reject: break\" is not supported in a scoring problem"},
      {"name: K\n", "data/secret/testdata.yaml", "on_reject: stop\n", "\"on_reject\" is \"stop\""},
      {"problem_format_version: 2023-07\n", "data/secret/test_group.yaml", "scoring: {score: 10}\n",
       "\"scoring\" is not supported"},
      {"problem_format_version: 2023-07\n", "data/test_group.yaml", "static_validation: true\n",
       "\"static_validation\" is not supported"},
      {"name: K\n", "data/secret/g/testdata.yaml", "accept_score: lots\n", "\"accept_score\" is \"lots\""},
  };
  for (const Case& c : cases) {
    Package p;
    p.kattis_basics(c.problem_yaml);
    p.write("data/secret/g/1.in", "1\n");
    p.write("data/secret/g/1.ans", "1\n");
    p.write(c.file, c.text);
    EXPECT_TRUE(fails_with(p.root(), (p.root() / c.file).string(), c.expected)) << c.file << ": " << c.text;
    // `exercise validate` lists it too.
    const std::vector<std::string> problems = package_problems(p.root());
    EXPECT_EQ(problems.size(), 1u) << c.text;
  }
  // Every one at once for `exercise validate`, as Kattis's own echo example shows (scoring, three files).
  {
    Package p;
    p.kattis_basics("name: K\ntype: scoring\n");
    p.write("data/secret/g/1.in", "1\n");
    p.write("data/secret/g/1.ans", "1\n");
    p.write("data/secret/testdata.yaml",
            "on_reject: continue\ngrader_flags: first_error accept_if_any_accepted\n");
    p.write("data/secret/g/testdata.yaml", "on_reject: break\ngrader_flags: min\naccept_score: 1\n");
    p.write("data/sample/testdata.yaml", "output_validator_flags: float_tolerance x\n");
    const std::vector<std::string> problems = package_problems(p.root());
    const std::string all = ::testing::PrintToString(problems);
    ASSERT_EQ(problems.size(), 4u) << all;
    EXPECT_NE(all.find("data/secret/testdata.yaml: \\\"grader_flags\\\" accept_if_any_accepted"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("data/secret/g/testdata.yaml: \\\"grader_flags\\\" min"), std::string::npos) << all;
    EXPECT_NE(all.find("data/secret/g/testdata.yaml: \\\"on_reject: break\\\""), std::string::npos) << all;
    EXPECT_NE(all.find("data/sample/testdata.yaml: validator flag \\\"float_tolerance\\\" has a bad value"),
              std::string::npos)
        << all;
  }
  // Settings that cannot change a score here are honoured: a range that never clamps, break in a
  // pass-fail problem (the first rejection decides either way), Kattis's default grader.
  Package p;
  p.kattis_basics("name: K\n");
  p.write("data/secret/testdata.yaml",
          "range: -inf +inf\non_reject: break\ngrader_flags: first_error sum\ngrading: default\n"
          "reject_score: 0\nfull_feedback: true\n");
  p.write("data/sample/testdata.yaml", "accept_score: 0\nrange: 0 0\nsomething_new: 1\n");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.samples[0].points, 0.0);
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_NE(e.notes[0].find("data/sample/testdata.yaml: unknown key \"something_new\" ignored"),
            std::string::npos);
  // Both names in one directory: which one counts is unclear.
  p.write("data/secret/test_group.yaml", "");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "data/secret").string(),
                         "holds both testdata.yaml and test_group.yaml"));
  // Practice never opens data/secret, even for its settings.
  p.remove("data/secret/test_group.yaml");
  p.write("data/secret/testdata.yaml", "grading: custom\n");
  EXPECT_EQ(load_error(p.root(), LoadOptions{false}), "loaded without error");
}

// Legacy Kattis allows a one-file program directly in output_validators/; one in a language Proctor
// cannot build is named.
TEST(LoadExercise, KattisOneFileOutputValidator) {
  Package p;
  p.kattis_basics("name: K\nvalidation: custom\n");
  p.write("output_validators/validator.py", "import sys\nsys.exit(42)\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "output_validators/validator.py").string(),
                         "output validator written in Python (validator.py)"));
  p.remove("output_validators/validator.py");
  p.write("output_validators/check.c", "int main(void) { return 42; }\n");
  Exercise e = load_exercise(p.root());
  EXPECT_EQ(e.checker.custom_dir, e.root / "output_validators");
  p.write("output_validators/other.c", "int main(void) { return 42; }\n");
  EXPECT_TRUE(fails_with(p.root(), (p.root() / "output_validators").string(), "holds 2 validators"));
}
