// proctor grade / practice end to end, through the real CLI: every bundled submission gets the verdict
// its directory names, results match the JSON Schema, bad input is one line and exit 2, practice never
// opens data/secret, and attacks at compile time end as CE without leaking host files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "c_program.hpp"
#include "cli.hpp"
#include "outer_cgroup.hpp"
#include "schema_check.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using proctor::test::read_text;
using proctor::test::run_cli;
using proctor::test::shell_quote;
using proctor::test::TempDirectory;
using proctor::test::write_text;

namespace {

const fs::path kExercises = fs::path(PROCTOR_SOURCE_DIR) / "exercises";

const std::map<std::string, std::string> kExpected = {
    {"accepted", "AC"},        {"wrong_answer", "WA"},           {"time_limit_exceeded", "TLE"},
    {"run_time_error", "RTE"}, {"memory_limit_exceeded", "MLE"}, {"compile_error", "CE"}};

// One bundled submission per expected verdict (the first in name order): what `proctor grade` prints and
// writes for each kind of verdict. That every bundled submission gets the verdict its directory names is
// `exercise validate`'s check, run on every package by bundled_exercises_validate_test; grading all of
// them here again doubled the suite's slowest part.
std::vector<std::string> bundled_submissions() {
  std::vector<std::string> all;
  for (const auto& ex : fs::directory_iterator(kExercises)) {
    if (!fs::is_directory(ex.path() / "submissions")) continue;
    for (const auto& dir : fs::directory_iterator(ex.path() / "submissions")) {
      if (!kExpected.count(dir.path().filename().string())) continue;
      for (const auto& file : fs::directory_iterator(dir.path())) {
        if (file.path().extension() == ".c") all.push_back(fs::relative(file.path(), kExercises).string());
      }
    }
  }
  std::sort(all.begin(), all.end());
  std::vector<std::string> out;
  std::set<std::string> kinds;
  for (const auto& rel : all) {
    if (kinds.insert(fs::path(rel).parent_path().filename().string()).second) out.push_back(rel);
  }
  return out;
}

class OuterCgroupEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { std::printf("%s\n", outer_.enter().c_str()); }
  void TearDown() override { outer_.leave(); }

 private:
  proctor::test::OuterCgroup outer_;
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new OuterCgroupEnvironment);

json grade_json(const fs::path& exercise, const fs::path& submission, const std::string& extra,
                int& exit_code, std::string& output) {
  TempDirectory tmp;
  const fs::path result = tmp.path() / "result.json";
  auto r = run_cli("grade " + shell_quote(exercise) + " " + shell_quote(submission) + " --json " +
                   shell_quote(result) + " --color never " + extra);
  exit_code = r.exit_code;
  output = r.output;
  if (!fs::exists(result)) return nullptr;
  return json::parse(read_text(result));
}

}  // namespace

class BundledSubmission : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledSubmission, GetsTheVerdictItsDirectoryNames) {
  const fs::path rel = GetParam();
  const fs::path exercise = kExercises / *rel.begin();
  const std::string dir = rel.parent_path().filename();
  ASSERT_TRUE(kExpected.count(dir)) << "unknown submissions directory " << dir;
  int code = 0;
  std::string output;
  json result = grade_json(exercise, kExercises / rel, "", code, output);
  ASSERT_FALSE(result.is_null()) << output;
  EXPECT_EQ(result["verdict"], kExpected.at(dir)) << output;
  EXPECT_EQ(code, kExpected.at(dir) == "AC" ? 0 : 1) << output;
  EXPECT_TRUE(matches_result_schema(result));
  for (const auto& t : result["tests"]) {
    if (t["visibility"] == "secret") {
      EXPECT_FALSE(t.contains("diff")) << t.dump();
      EXPECT_TRUE(t["message"] == "" || t["message"] == "wrong answer" || t["verdict"] != "WA") << t.dump();
    }
  }
  // The terminal output names the verdict too.
  EXPECT_NE(output.find("verdict " + kExpected.at(dir)), std::string::npos) << output;
}

INSTANTIATE_TEST_SUITE_P(Exercises, BundledSubmission, ::testing::ValuesIn(bundled_submissions()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(GradeInput, MissingPackageIsOneLineAndExitTwo) {
  TempDirectory tmp;
  write_text(tmp.path() / "s.c", "int main(void){return 0;}\n");
  auto r = run_cli("grade /nonexistent/exercise " + shell_quote(tmp.path() / "s.c") + " --json " +
                   shell_quote(tmp.path() / "r.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("/nonexistent/exercise"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  EXPECT_FALSE(fs::exists(tmp.path() / "r.json"));
}

TEST(GradeInput, BadSubmissionsAreOneLineAndExitTwo) {
  TempDirectory tmp;
  write_text(tmp.path() / "empty.c", "");
  write_text(tmp.path() / "binary.c", std::string("int main\0(void){}", 17));
  fs::create_directory(tmp.path() / "dir.c");
  for (const std::string name : {"empty.c", "binary.c", "dir.c", "missing.c"}) {
    auto r = run_cli("grade " + shell_quote(kExercises / "log-levels") + " " +
                     shell_quote(tmp.path() / name) + " --json " + shell_quote(tmp.path() / "r.json"));
    EXPECT_EQ(r.exit_code, 2) << name << ": " << r.output;
    EXPECT_NE(r.output.find(name), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
    EXPECT_FALSE(fs::exists(tmp.path() / "r.json"));
  }
}

TEST(Practice, NeverOpensSecretData) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to drop to nobody";
  TempDirectory tmp;
  const fs::path ex = tmp.path() / "ex";
  fs::copy(kExercises / "log-levels", ex, fs::copy_options::recursive);
  std::system(("chmod -R a+rX " + shell_quote(tmp.path())).c_str());
  // Unreadable even to the directory listing: any open, stat of a child or listing would fail.
  chmod((ex / "data" / "secret").c_str(), 0);
  const fs::path sub = ex / "submissions" / "accepted" / "ref.c";
  const fs::path result = tmp.path() / "out" / "r.json";
  fs::create_directory(tmp.path() / "out");
  chown((tmp.path() / "out").c_str(), 65534, 65534);
  auto r = run_cli("practice " + shell_quote(ex) + " " + shell_quote(sub) + " --json " + shell_quote(result),
                   "setpriv --reuid=nobody --regid=nogroup --clear-groups");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json j = json::parse(read_text(result));
  EXPECT_EQ(j["verdict"], "AC");
  ASSERT_FALSE(j["tests"].empty());
  for (const auto& t : j["tests"]) EXPECT_EQ(t["visibility"], "sample");
  // And grading everything as the same user does touch the secret directory: the test can fail.
  auto all = run_cli("grade " + shell_quote(ex) + " " + shell_quote(sub),
                     "setpriv --reuid=nobody --regid=nogroup --clear-groups");
  EXPECT_EQ(all.exit_code, 2) << all.output;
  EXPECT_NE(all.output.find("secret"), std::string::npos) << all.output;
}

// Every test that ran records its times in microseconds beside the whole milliseconds (their floor),
// and the terminal shows the fraction of a short run (these take about 1 ms of CPU, start-up included)
// instead of "0 ms" or "1 ms".
TEST(Practice, TimesAreRecordedAndShownInMicroseconds) {
  TempDirectory tmp;
  auto r = run_cli("practice " + shell_quote(kExercises / "log-levels") + " " +
                   shell_quote(kExercises / "log-levels" / "submissions" / "accepted" / "ref.c") +
                   " --color never --json " + shell_quote(tmp.path() / "r.json"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json j = json::parse(read_text(tmp.path() / "r.json"));
  EXPECT_TRUE(matches_result_schema(j));
  ASSERT_FALSE(j["tests"].empty());
  for (const auto& t : j["tests"]) {
    ASSERT_TRUE(t.contains("time_us") && t.contains("wall_us")) << t.dump();
    const std::uint64_t time_us = t["time_us"], wall_us = t["wall_us"];
    EXPECT_GT(time_us, 0u) << t.dump();
    EXPECT_EQ(t["time_ms"], time_us / 1000) << t.dump();
    EXPECT_EQ(t["wall_ms"], wall_us / 1000) << t.dump();
    EXPECT_LT(time_us, 10'000u) << "a short run, shown with its fraction";
  }
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(\b[0-9]\.[0-9]{1,2} ms\b)"))) << r.output;
  EXPECT_FALSE(std::regex_search(r.output, std::regex(R"(  0 ms\b)"))) << r.output;
}

TEST(Practice, FailingSampleShowsAReadableDiff) {
  TempDirectory tmp;
  write_text(tmp.path() / "wrong.c", "#include <stdio.h>\nint main(void){ puts(\"nonsense\"); return 0; }\n");
  auto r = run_cli("practice " + shell_quote(kExercises / "log-levels") + " " +
                   shell_quote(tmp.path() / "wrong.c") + " --color never --json " +
                   shell_quote(tmp.path() / "r.json"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  json j = json::parse(read_text(tmp.path() / "r.json"));
  EXPECT_EQ(j["verdict"], "WA");
  ASSERT_TRUE(j["tests"][0].contains("diff"));
  EXPECT_NE(r.output.find("nonsense"), std::string::npos) << r.output;
  EXPECT_TRUE(matches_result_schema(j));
}

class CompileAttack : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(CompileAttack, EndsAsCompileErrorQuicklyWithoutLeaking) {
  TempDirectory tmp;
  const auto& [name, source] = GetParam();
  const fs::path secret_ans = kExercises / "log-levels" / "data" / "secret";
  std::string text = source;
  for (std::size_t at; (at = text.find("@SECRET@")) != std::string::npos;) {
    // The first hidden answer file of the exercise, by absolute path.
    fs::path first;
    for (const auto& e : fs::directory_iterator(secret_ans)) {
      if (e.path().extension() == ".ans" && (first.empty() || e.path() < first)) first = e.path();
    }
    text.replace(at, 8, first.string());
  }
  write_text(tmp.path() / "attack.c", text);
  const auto start = std::chrono::steady_clock::now();
  int code = 0;
  std::string output;
  json result = grade_json(kExercises / "log-levels", tmp.path() / "attack.c", "", code, output);
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(result.is_null()) << output;
  // /dev/stdin is the empty /dev/null in the compile sandbox: harmless, so it compiles to a wrong program.
  if (name == "include_dev_stdin") {
    EXPECT_TRUE(result["verdict"] == "CE" || result["verdict"] == "WA") << output;
  } else {
    EXPECT_EQ(result["verdict"], "CE") << output;
  }
  EXPECT_LE(seconds, 40);
  EXPECT_LE(result["compile"]["output"].get<std::string>().size(), 64u * 1024 + 200);
  const std::string all = output + result.dump();
  EXPECT_EQ(all.find("root:x:0:0"), std::string::npos);
  EXPECT_EQ(all.find("nobody:x:"), std::string::npos);
  EXPECT_TRUE(matches_result_schema(result));
}

INSTANTIATE_TEST_SUITE_P(
    Attacks, CompileAttack,
    ::testing::Values(
        std::make_pair("include_passwd", "#include \"/etc/passwd\"\nint main(void){return 0;}\n"),
        std::make_pair("include_secret", "#include \"@SECRET@\"\nint main(void){return 0;}\n"),
        std::make_pair("incbin_passwd",
                       "__asm__(\".section .rodata\\n.incbin \\\"/etc/passwd\\\"\\n.previous\");\n"
                       "int main(void){return 0;}\n"),
        std::make_pair("incbin_secret",
                       "__asm__(\".section .rodata\\n.incbin \\\"@SECRET@\\\"\\n.previous\");\n"
                       "int main(void){return 0;}\n"),
        std::make_pair("include_dev_zero", "#include \"/dev/zero\"\nint main(void){return 0;}\n"),
        std::make_pair("include_dev_stdin", "#include \"/dev/stdin\"\nint main(void){return 0;}\n"),
        std::make_pair("incbin_dev_zero",
                       "__asm__(\".section .rodata\\n.incbin \\\"/dev/zero\\\"\\n.previous\");\n"
                       "int main(void){return 0;}\n"),
        std::make_pair(
            "macro_bomb",
            "#define A x x x x x x x x x x\n#define B A A A A A A A A A A\n#define C B B B B B B B B B B\n"
            "#define D C C C C C C C C C C\n#define E D D D D D D D D D D\n"
            "#define F E E E E E E E E E E\n#define G F F F F F F F F F F\n"
            "#define H G G G G G G G G G G\nint main(void){ H; return 0; }\n"),
        std::make_pair("error_flood",
                       [] {
                         std::string s = "int main(void){\n";
                         for (int i = 0; i < 20000; ++i)
                           s += "  undefined_thing_" + std::to_string(i) + " = 1;\n";
                         return s + "}\n";
                       }())),
    [](const auto& info) { return info.param.first; });

// A result document is always written: compiler output with invalid UTF-8, or cut at its byte limit in
// the middle of a character, still makes a valid document (invalid bytes become U+FFFD), exit 1 and CE.
TEST(GradeCli, InvalidUtf8InCompilerOutputStillWritesTheResult) {
  TempDirectory tmp;
  write_text(tmp.path() / "bad.c", "#error broken \xff\xfe bytes\nint main(void){return 0;}\n");
  int code = 0;
  std::string output;
  json result = grade_json(kExercises / "log-levels", tmp.path() / "bad.c", "", code, output);
  ASSERT_FALSE(result.is_null()) << output;
  EXPECT_EQ(code, 1) << output;
  EXPECT_EQ(result["verdict"], "CE");
  const std::string diagnostics = result["compile"]["output"];
  EXPECT_NE(diagnostics.find("broken \xef\xbf\xbd\xef\xbf\xbd bytes"), std::string::npos) << diagnostics;
  EXPECT_TRUE(matches_result_schema(result));
}

TEST(GradeCli, ErrorFloodOfMultiByteCharactersIsCutOnACharacterBoundary) {
  // gcc quotes identifiers raw in a UTF-8 locale: every error repeats a 900-byte identifier of
  // three-byte characters (message and source line). Indenting the first line by 0, 1 or 2 spaces
  // shifts everything after it by 0, 2 or 4 bytes, so at least two of the three floods reach the
  // 64 KiB cut inside a character (before the fix: exit 3, no result).
  for (int shift = 0; shift < 3; ++shift) {
    TempDirectory tmp;
    std::string source = "int main(void){\n";
    for (int i = 0; i < 200; ++i) {
      source += std::string(i == 0 ? static_cast<std::size_t>(shift) : 0, ' ') + "  ";
      for (int k = 0; k < 300; ++k) source += "\xe3\x82\xa2";  // U+30A2, a letter C allows in identifiers
      source += std::to_string(i) + " = 1;\n";
    }
    source += "  return 0;\n}\n";
    write_text(tmp.path() / "flood.c", source);
    int code = 0;
    std::string output;
    json result = grade_json(kExercises / "log-levels", tmp.path() / "flood.c", "", code, output);
    ASSERT_FALSE(result.is_null()) << "shift " << shift << ": " << output.substr(0, 500);
    EXPECT_EQ(code, 1);
    EXPECT_EQ(result["verdict"], "CE");
    const std::string diagnostics = result["compile"]["output"];
    EXPECT_NE(diagnostics.find("more bytes truncated]"), std::string::npos);
    EXPECT_NE(diagnostics.find("\xe3\x82\xa2"), std::string::npos) << "the identifiers are in the output";
    EXPECT_EQ(diagnostics.find("\xef\xbf\xbd"), std::string::npos) << "cut on a boundary, nothing replaced";
    EXPECT_LE(diagnostics.size(), 64u * 1024 + 200);
    EXPECT_TRUE(matches_result_schema(result));
  }
}

// Function exercises link every submission against the same harness: it is compiled once and kept in
// a private cache (0700, owned by this user); a second grade reuses the entry and adds none.
TEST(GradeCli, FunctionHarnessIsCompiledOnceIntoAPrivateCache) {
  const fs::path exercise = kExercises / "masked-search";
  const fs::path ref = exercise / "submissions" / "accepted" / "ref.c";
  int code = 0;
  std::string output;
  json first = grade_json(exercise, ref, "--tests sample", code, output);
  ASSERT_EQ(code, 0) << output;
  const fs::path cache = fs::temp_directory_path() / ("proctor-harness-" + std::to_string(geteuid()));
  struct stat st {};
  ASSERT_EQ(lstat(cache.c_str(), &st), 0);
  EXPECT_TRUE(S_ISDIR(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_EQ(st.st_uid, geteuid());
  auto entries = [&] {
    std::map<std::string, fs::file_time_type> found;
    for (const auto& e : fs::directory_iterator(cache)) {
      if (e.path().filename().string().rfind("tmp-", 0) == 0) continue;
      bool objects = false;
      for (const auto& f : fs::directory_iterator(e.path()))
        objects = objects || f.path().extension() == ".o";
      if (objects) found[e.path().filename().string()] = fs::last_write_time(e.path());
    }
    return found;
  };
  const auto before = entries();
  ASSERT_FALSE(before.empty());
  json second = grade_json(exercise, ref, "--tests sample", code, output);
  ASSERT_EQ(code, 0) << output;
  EXPECT_EQ(second["verdict"], "AC");
  EXPECT_EQ(entries(), before) << "the second grade compiled the harness again";
}

// A grade's "memory measured by" is the weakest measure any of its tests used: a program that exits
// normally on small inputs is measured at its exit (vmhwm), but its crashes on large ones leave only
// the cgroup's peak (or ru_maxrss), and the result must not claim the better one for them all.
TEST(GradeCli, MemoryMeasureIsTheWeakestAnyTestUsed) {
  TempDirectory tmp;
  write_text(tmp.path() / "crashy.c",
             "#include <stdio.h>\nint main(void){long n=0;while(getchar()!=EOF)n++;"
             "if(n>10000){volatile int*p=0;return *p;}return 0;}\n");
  int code = 0;
  std::string output;
  json result = grade_json(kExercises / "log-levels", tmp.path() / "crashy.c", "", code, output);
  ASSERT_FALSE(result.is_null()) << output;
  EXPECT_EQ(result["tests"][0]["verdict"], "WA") << output;  // the first test ran to its exit
  const std::string measure = result["sandbox"]["memory_peak"];
  EXPECT_TRUE(measure == "cgroup-v1" || measure == "cgroup-v2" || measure == "rusage") << measure;
  EXPECT_TRUE(matches_result_schema(result));
}
