// proctor practice through the real CLI, as a candidate uses it: a failing sample shows its input and
// the start of the program's own stdout and stderr (in the terminal and in the JSON result, never for
// a secret test); bounded, valid UTF-8, marked when cut.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "c_program.hpp"
#include "cli.hpp"
#include "outer_cgroup.hpp"
#include "schema_check.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using proctor::test::CliResult;
using proctor::test::read_text;
using proctor::test::run_cli;
using proctor::test::shell_quote;
using proctor::test::TempDirectory;
using proctor::test::write_text;

namespace {

const fs::path kExercises = fs::path(PROCTOR_SOURCE_DIR) / "exercises";

class OuterCgroupEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { std::printf("%s\n", outer_.enter().c_str()); }
  void TearDown() override { outer_.leave(); }

 private:
  proctor::test::OuterCgroup outer_;
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new OuterCgroupEnvironment);

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Practises `source` on log-levels (a program exercise); the JSON result lands in `result`.
struct Practice {
  TempDirectory tmp;
  CliResult cli;
  json result;

  Practice(const std::string& source, const std::string& command = "practice",
           const fs::path& exercise = kExercises / "log-levels") {
    write_text(tmp.path() / "solution.c", source);
    const fs::path file = tmp.path() / "result.json";
    cli = run_cli(command + " " + shell_quote(exercise) + " " + shell_quote(tmp.path() / "solution.c") +
                  " --color never --json " + shell_quote(file));
    if (fs::exists(file)) result = json::parse(read_text(file));
  }
  const json& sample(std::size_t i) const { return result["tests"][i]; }
};

}  // namespace

TEST(PracticeExcerpts, DebugPrintThenCrashShowsStderrStdoutAndInput) {
  Practice p(R"C(#include <stdio.h>
int main(void) {
  char line[256];
  fgets(line, sizeof line, stdin);
  fprintf(stderr, "debug: first line is %s", line);
  printf("TRACE 0\n");
  fflush(stdout);
  *(volatile int *)0 = 1;
  return 0;
}
)C");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  ASSERT_TRUE(matches_result_schema(p.result));
  const json& t = p.sample(0);
  EXPECT_EQ(t["verdict"], "RTE");
  const std::string debug = "debug: first line is 2026-11-27T10:00:01Z ERROR disk: /dev/sda1 almost full\n";
  EXPECT_EQ(t["stderr"]["text"], debug);
  EXPECT_EQ(t["stderr"]["truncated"], false);
  EXPECT_EQ(t["stdout"]["text"], "TRACE 0\n");
  EXPECT_EQ(t["stdout"]["bytes"], 8);
  // The sample's first lines, whole (01.in has four).
  EXPECT_EQ(t["input"]["text"], read_text(kExercises / "log-levels/data/sample/01.in"));
  EXPECT_EQ(t["input"]["truncated"], false);
  // And the terminal shows all three beside the verdict.
  for (const std::string& part :
       std::vector<std::string>{std::string("RTE  killed by signal SIGSEGV"),
                                "stderr (" + std::to_string(debug.size()) + " bytes):",
                                std::string("  | debug: first line is 2026-11-27T10:00:01Z ERROR disk"),
                                "stdout (8 bytes):", "  | TRACE 0", "input (",
                                "  | 2026-11-27T10:00:07Z INFO sched: 4 jobs queued"}) {
    EXPECT_TRUE(contains(p.cli.output, part)) << part << "\n" << p.cli.output;
  }
}

TEST(PracticeExcerpts, StdoutLostInTheBufferByACrashIsExplained) {
  Practice p("#include <stdio.h>\nint main(void) { printf(\"TRACE 0\\n\"); *(volatile int *)0 = 1; }\n");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  EXPECT_EQ(p.sample(0)["stdout"]["bytes"], 0);
  EXPECT_TRUE(contains(p.cli.output, "stdout: (empty)")) << p.cli.output;
  EXPECT_TRUE(contains(p.cli.output, "fflush")) << p.cli.output;
}

TEST(PracticeExcerpts, PartialOutputThenWrongAnswerShowsDiffAndOutput) {
  Practice p("#include <stdio.h>\nint main(void) { printf(\"TRACE 0\\nDEBUG 0\\n\"); return 0; }\n");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  ASSERT_TRUE(matches_result_schema(p.result));
  const json& t = p.sample(0);
  EXPECT_EQ(t["verdict"], "WA");
  EXPECT_TRUE(t.contains("diff"));
  EXPECT_EQ(t["stdout"]["text"], "TRACE 0\nDEBUG 0\n");
  EXPECT_EQ(t["stderr"]["bytes"], 0);
  EXPECT_TRUE(t.contains("input"));
  for (const char* part :
       {": WA", "output differs", "stdout (16 bytes):", "  | DEBUG 0", "stderr: (empty)"}) {
    EXPECT_TRUE(contains(p.cli.output, part)) << part << "\n" << p.cli.output;
  }
}

TEST(PracticeExcerpts, OutputFloodIsCutAtTheBound) {
  // 20000 bytes of "é" (two bytes each) to stdout and 3000 lines to stderr; the excerpt is at most
  // 1 KiB of whole characters, marked as cut, with the whole size.
  Practice p(R"C(#include <stdio.h>
int main(void) {
  for (int i = 0; i < 10000; ++i) fputs("\xc3\xa9", stdout);
  for (int i = 0; i < 3000; ++i) fprintf(stderr, "line %d\n", i);
  return 0;
}
)C");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  ASSERT_TRUE(matches_result_schema(p.result));
  const json& t = p.sample(0);
  EXPECT_EQ(t["verdict"], "WA");
  EXPECT_EQ(t["stdout"]["bytes"], 20000);
  EXPECT_EQ(t["stdout"]["truncated"], true);
  const std::string out = t["stdout"]["text"];
  EXPECT_EQ(out.size(), 1024u);
  EXPECT_EQ(out.substr(out.size() - 2), "\xc3\xa9") << "cut between characters, not inside one";
  EXPECT_EQ(t["stderr"]["truncated"], true);
  EXPECT_LE(t["stderr"]["text"].get<std::string>().size(), 1024u);
  EXPECT_TRUE(contains(p.cli.output, "stdout (first 1024 of 20000 bytes):")) << p.cli.output;
  EXPECT_TRUE(contains(p.cli.output, "... cut here")) << p.cli.output;
  EXPECT_LT(p.cli.output.size(), 40000u) << "the flood does not reach the terminal";
}

TEST(PracticeExcerpts, AnOutputLimitSaysTheSizeIsALowerBound) {
  // An endless flood: the sandbox stops it at log-levels' 64 KiB and keeps only a little past that, so
  // the terminal never claims that was all the program wrote.
  Practice p(R"C(#include <stdio.h>
int main(void) { for (;;) fputs("flood\n", stdout); }
)C");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  ASSERT_TRUE(matches_result_schema(p.result));
  const json& t = p.sample(0);
  EXPECT_EQ(t["verdict"], "OLE");
  EXPECT_GT(t["stdout"]["bytes"].get<std::size_t>(), 64u * 1024) << t["stdout"].dump();
  EXPECT_TRUE(
      contains(p.cli.output, "stdout (first 1024 of at least " + t["stdout"]["bytes"].dump() + " bytes):"))
      << p.cli.output;
  EXPECT_TRUE(contains(p.cli.output, "stderr: (empty)")) << p.cli.output;
}

TEST(PracticeExcerpts, InvalidUtf8IsReplacedAndControlCharactersEscaped) {
  Practice p(R"C(#include <stdio.h>
int main(void) { fputs("caf\xc3 \xff\xfe ok\x1b[31m\n", stdout); fputs("bad \xe2\x82", stderr); return 0; }
)C");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  ASSERT_TRUE(matches_result_schema(p.result));
  const json& t = p.sample(0);
  EXPECT_EQ(t["stdout"]["text"], "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd ok\x1b[31m\n");
  EXPECT_EQ(t["stderr"]["text"], "bad \xef\xbf\xbd");
  EXPECT_FALSE(contains(p.cli.output, "\x1b[31m")) << "a program cannot colour the candidate's terminal";
  EXPECT_TRUE(contains(p.cli.output, "ok\\x1b[31m")) << p.cli.output;
  EXPECT_TRUE(contains(p.cli.output, "(no newline at the end)")) << p.cli.output;
}

TEST(PracticeExcerpts, LongInputShowsItsFirstLinesOnly) {
  // A package whose sample has 50 lines: the excerpt is the first ten, marked as cut.
  TempDirectory tmp;
  const fs::path ex = tmp.path() / "ex";
  fs::copy(kExercises / "log-levels", ex, fs::copy_options::recursive);
  std::string input;
  for (int i = 0; i < 50; ++i) input += "2026-11-27T10:00:01Z INFO line " + std::to_string(i) + "\n";
  write_text(ex / "data/sample/01.in", input);
  Practice p("int main(void) { return 3; }\n", "practice", ex);
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  const json& t = p.sample(0);
  EXPECT_EQ(t["verdict"], "RTE");
  EXPECT_EQ(t["message"], "exit code 3");
  EXPECT_EQ(t["input"]["truncated"], true);
  EXPECT_EQ(t["input"]["bytes"], input.size());
  const std::string shown = t["input"]["text"];
  EXPECT_EQ(std::count(shown.begin(), shown.end(), '\n'), 10);
  EXPECT_TRUE(contains(shown, "line 9\n"));
  EXPECT_FALSE(contains(shown, "line 10"));
}

TEST(PracticeExcerpts, PassingSamplesAndSecretTestsCarryNone) {
  // Passes sample 03 (all zero counts) and fails the rest; grading all tests shows excerpts for the
  // failing samples only, never for a secret test.
  Practice p(R"C(#include <stdio.h>
int main(void) { fprintf(stderr, "secret-leak?\n"); puts("TRACE 0\nDEBUG 0\nINFO 0\nWARN 0\nERROR 0\nFATAL 0\nmalformed 3\ntop - 0"); return 0; }
)C",
             "grade");
  ASSERT_EQ(p.cli.exit_code, 1) << p.cli.output;
  ASSERT_TRUE(matches_result_schema(p.result));
  int samples_with = 0, secrets = 0;
  for (const json& t : p.result["tests"]) {
    const bool failing_sample = t["visibility"] == "sample" && t["verdict"] != "AC";
    for (const char* key : {"input", "stdout", "stderr"})
      EXPECT_EQ(t.contains(key), failing_sample) << t.dump();
    samples_with += failing_sample;
    secrets += t["visibility"] == "secret";
  }
  EXPECT_EQ(samples_with, 2);
  EXPECT_GT(secrets, 0);
  std::size_t shown = 0;
  for (std::size_t at = 0; (at = p.cli.output.find("secret-leak", at)) != std::string::npos; ++at) ++shown;
  EXPECT_EQ(shown, 2u) << p.cli.output;
}

// --- practice --input: one run on the candidate's own input -------------------------------------------

namespace {

struct CustomRun {
  TempDirectory tmp;
  CliResult cli;
  json result;

  // `input_arg` is passed verbatim after --input (a quoted path, or "- < file").
  CustomRun(const fs::path& exercise, const fs::path& source, const std::string& input,
            const std::string& via = "file") {
    const fs::path in = tmp.path() / "my.in", file = tmp.path() / "run.json";
    write_text(in, input);
    const std::string arg = via == "stdin" ? "- < " + shell_quote(in) : shell_quote(in);
    cli = run_cli("practice " + shell_quote(exercise) + " " + shell_quote(source) + " --color never --json " +
                  shell_quote(file) + " --input " + arg);
    if (fs::exists(file)) result = json::parse(read_text(file));
  }
};

fs::path source_file(const TempDirectory& tmp, const std::string& text) {
  const fs::path file = tmp.path() / "solution.c";
  write_text(file, text);
  return file;
}

}  // namespace

TEST(PracticeInput, ProgramExerciseRunsOnAFile) {
  // The reference on sample 01's input prints sample 01's answer.
  const std::string input = read_text(kExercises / "log-levels/data/sample/01.in");
  const std::string expected = read_text(kExercises / "log-levels/data/sample/01.ans");
  CustomRun r(kExercises / "log-levels", kExercises / "log-levels/submissions/accepted/ref.c", input);
  ASSERT_EQ(r.cli.exit_code, 0) << r.cli.output;
  EXPECT_EQ(r.result["schema"], "proctor-run/1");
  EXPECT_EQ(r.result["status"], "OK");
  EXPECT_EQ(r.result["stdout"]["text"], expected);
  EXPECT_EQ(r.result["input_bytes"], input.size());
  EXPECT_EQ(r.result["limits"]["time_ms"], 1000);
  for (const std::string& part : std::vector<std::string>{
           "your input, " + std::to_string(input.size()) + " bytes",
           "stdout (" + std::to_string(expected.size()) + " bytes):", std::string("  | top "),
           std::string("stderr: (empty)"), std::string("status OK"), std::string("(limits 1000 ms CPU"),
           std::string("(limit 256 MiB)"), std::string("exit code 0")}) {
    EXPECT_TRUE(contains(r.cli.output, part)) << part << "\n" << r.cli.output;
  }
  EXPECT_FALSE(contains(r.cli.output, "sample/")) << "the samples do not run";
}

TEST(PracticeInput, StandardInputWithADash) {
  CustomRun r(kExercises / "log-levels", kExercises / "log-levels/submissions/accepted/ref.c",
              read_text(kExercises / "log-levels/data/sample/02.in"), "stdin");
  ASSERT_EQ(r.cli.exit_code, 0) << r.cli.output;
  EXPECT_EQ(r.result["stdout"]["text"], read_text(kExercises / "log-levels/data/sample/02.ans"));
}

TEST(PracticeInput, FunctionExerciseFeedsTheHarness) {
  // masked-search's harness reads the buffer and the queries; the reference finds the word at 0 and 4.
  const std::string input = "hex 8\nde ad be ef de ad be ef\n1\nefbeadde ffffffff 10\n";
  CustomRun ref(kExercises / "masked-search", kExercises / "masked-search/submissions/accepted/ref.c", input);
  ASSERT_EQ(ref.cli.exit_code, 0) << ref.cli.output;
  EXPECT_EQ(ref.result["stdout"]["text"], "2 2 0 4\n");
  // The untouched starter returns 0: the harness prints what it got.
  CustomRun starter(kExercises / "masked-search", kExercises / "masked-search/starter.c", input);
  ASSERT_EQ(starter.cli.exit_code, 0) << starter.cli.output;
  EXPECT_EQ(starter.result["stdout"]["text"], "0 0\n");
}

TEST(PracticeInput, CrashShowsStderrAndTheSignal) {
  TempDirectory tmp;
  CustomRun r(kExercises / "log-levels", source_file(tmp, R"C(#include <stdio.h>
int main(void) { fprintf(stderr, "about to crash\n"); *(volatile int *)0 = 1; }
)C"),
              "x\n");
  ASSERT_EQ(r.cli.exit_code, 1) << r.cli.output;
  EXPECT_EQ(r.result["status"], "RTE");
  EXPECT_EQ(r.result["stderr"]["text"], "about to crash\n");
  EXPECT_TRUE(contains(r.cli.output, "status RTE  killed by signal SIGSEGV")) << r.cli.output;
}

TEST(PracticeInput, TimeLimitShowsMeasuredTimeBesideTheLimit) {
  TempDirectory tmp;
  CustomRun r(kExercises / "log-levels", source_file(tmp, "int main(void) { for (;;) {} }\n"), "");
  ASSERT_EQ(r.cli.exit_code, 1) << r.cli.output;
  EXPECT_EQ(r.result["status"], "TLE");
  const std::string message = r.result["message"];
  const std::uint64_t used = r.result["time_ms"];
  // Never "limit exceeded" next to a figure under the limit. On a loaded machine the loop may not get
  // its second of CPU within the wall limit: then the wall time is what exceeded its limit.
  if (message.starts_with("wall time ")) {
    const std::uint64_t wall = r.result["wall_ms"];
    EXPECT_EQ(message, "wall time " + std::to_string(wall) + " ms exceeded the limit of 4000 ms");
    EXPECT_GE(wall, 4000u);
  } else if (used > 1000) {
    EXPECT_EQ(message, "CPU time " + std::to_string(used) + " ms exceeded the limit of 1000 ms");
  } else {
    EXPECT_EQ(message, "stopped at the CPU time limit of 1000 ms (measured " + std::to_string(used) + " ms)");
  }
}

TEST(PracticeInput, CompileErrorRunsNothing) {
  TempDirectory tmp;
  CustomRun r(kExercises / "log-levels", source_file(tmp, "int main(void) { return nope; }\n"), "x\n");
  ASSERT_EQ(r.cli.exit_code, 1) << r.cli.output;
  EXPECT_EQ(r.result["ran"], false);
  EXPECT_EQ(r.result["compile"]["status"], "CE");
  EXPECT_TRUE(contains(r.cli.output, "compilation failed")) << r.cli.output;
}

TEST(PracticeInput, MissingInputFileIsOneLineAndExitTwo) {
  auto r = run_cli("practice " + shell_quote(kExercises / "log-levels") + " " +
                   shell_quote(kExercises / "log-levels/submissions/accepted/ref.c") +
                   " --input /nonexistent/in.txt");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  EXPECT_TRUE(contains(r.output, "/nonexistent/in.txt")) << r.output;
}

// --- practice --watch, in a real terminal (tmux) ------------------------------------------------------

namespace {

std::string shell(const std::string& command) {
  std::string out;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

// A private tmux server (its own socket) holding one window of 160 x 60.
class Tmux {
 public:
  explicit Tmux(const std::string& command) : socket_("proctor-test-" + std::to_string(getpid())) {
    shell(tmux() + " new-session -d -s w -x 160 -y 60 " + shell_quote(command));
  }
  ~Tmux() { shell(tmux() + " kill-server"); }
  std::string screen() const { return shell(tmux() + " capture-pane -p -t w"); }
  void keys(const std::string& keys) const { shell(tmux() + " send-keys -t w " + keys); }

  // Polls the screen until `ready` holds (the run itself takes seconds on a loaded machine).
  template <class Ready>
  bool wait_for(Ready ready, std::string& last) const {
    for (int i = 0; i < 600; ++i) {
      last = screen();
      if (ready(last)) return true;
      usleep(100'000);
    }
    return false;
  }

 private:
  std::string tmux() const { return "tmux -L " + socket_; }
  std::string socket_;
};

}  // namespace

TEST(PracticeWatch, RunsAgainOnEverySaveInATerminal) {
  ASSERT_EQ(std::system("command -v tmux >/dev/null"), 0) << "tmux is needed (scripts/setup installs it)";
  TempDirectory tmp;
  const fs::path file = tmp.path() / "solution.c";
  write_text(file, "#include <stdio.h>\nint main(void) { puts(\"nonsense\"); return 0; }\n");
  Tmux tmux(std::string(PROCTOR_BINARY) + " practice " + shell_quote(kExercises / "log-levels") + " " +
            shell_quote(file) + " --watch; echo watch-exited-$?; sleep 600");
  std::string screen;
  ASSERT_TRUE(tmux.wait_for([](const std::string& s) { return contains(s, "verdict WA"); }, screen))
      << screen;
  // Compact: the first failing sample's details only, its output beside the diff.
  EXPECT_TRUE(contains(screen, "run 1 at ")) << screen;
  EXPECT_TRUE(contains(screen, "passed 0/3")) << screen;
  EXPECT_TRUE(contains(screen, "  | nonsense")) << screen;
  EXPECT_EQ(screen.find("output differs"), screen.rfind("output differs")) << "one sample's details\n"
                                                                           << screen;

  // Saved the way many editors save: a new file renamed over the old one.
  write_text(tmp.path() / ".solution.c.swp", read_text(kExercises / "log-levels/submissions/accepted/ref.c"));
  fs::rename(tmp.path() / ".solution.c.swp", file);
  ASSERT_TRUE(tmux.wait_for([](const std::string& s) { return contains(s, "verdict AC"); }, screen))
      << screen;
  EXPECT_TRUE(contains(screen, "run 2 at ")) << screen;
  EXPECT_FALSE(contains(screen, "nonsense")) << "a fresh screen per run\n" << screen;

  // Saved in place (truncate and write): an empty moment is possible, the last content wins.
  write_text(file, "int main(void) { return 7; }\n");
  ASSERT_TRUE(tmux.wait_for([](const std::string& s) { return contains(s, "verdict RTE"); }, screen))
      << screen;
  EXPECT_TRUE(contains(screen, "exit code 7")) << screen;

  tmux.keys("C-c");
  ASSERT_TRUE(tmux.wait_for([](const std::string& s) { return contains(s, "watch-exited-"); }, screen))
      << screen;
  EXPECT_TRUE(contains(screen, "stopped watching")) << screen;
  EXPECT_TRUE(contains(screen, "watch-exited-0")) << screen;
}
