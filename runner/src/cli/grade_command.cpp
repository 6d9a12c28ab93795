// proctor grade / proctor practice: the main job, for people (a table, diffs, colour) and for
// machines (--json FILE with the result document).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "practice/watch.hpp"
#include "proctor/runner/custom_run.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/runner/result_json.hpp"
#include "proctor/sandbox/launch.hpp"
#include "report/model.hpp"
#include "report/terminal.hpp"
#include "result/result_file.hpp"

namespace proctor::cli {
namespace {

struct GradeArgs {
  std::string exercise, submission, json_path, tests = "all", color = "auto", input;
  unsigned jobs = 0;
  bool fail_fast = false;
  bool practice = false;
  bool watch = false;
  bool signals = false;
};

bool use_color(const std::string& color) {
  return color == "always" ||
         (color == "auto" && isatty(STDOUT_FILENO) != 0 && getenv("NO_COLOR") == nullptr);
}

// The input of `--input`: a file, or standard input for "-", bounded either way.
std::string read_custom_input(const std::string& source) {
  if (source != "-") return fs::read_file(source, runner::kMaxCustomInputBytes);
  std::string bytes;
  char buf[65536];
  for (;;) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, stdin);
    bytes.append(buf, n);
    if (bytes.size() > runner::kMaxCustomInputBytes) {
      throw runner::UserError("standard input",
                              "larger than " + std::to_string(runner::kMaxCustomInputBytes >> 20) + " MiB");
    }
    if (n < sizeof buf) break;
  }
  if (std::ferror(stdin)) throw runner::UserError("standard input", "cannot be read");
  return bytes;
}

// `proctor practice EXERCISE FILE --input IN`: one run on the candidate's own input.
int custom_run_command(const GradeArgs& a) {
  const runner::Exercise exercise = runner::load_exercise(a.exercise, {.include_secret = false});
  const std::string input = read_custom_input(a.input);
  sandbox::Sandbox sandbox;
  const runner::CustomRunResult run = runner::run_custom_input(sandbox, exercise, a.submission, input);
  if (!a.json_path.empty()) fs::atomic_write(a.json_path, runner::to_json(run).dump(2) + "\n");
  std::cout << report::render_custom_run(run, exercise.title, exercise.id, use_color(a.color));
  return runner::exit_code_of(run);
}

// `proctor practice EXERCISE FILE --watch [--input IN]`: the samples (or the input) again on every save.
int watch_command(const GradeArgs& a) {
  if (a.input == "-")
    throw runner::UserError("--watch needs --input to name a file: standard input is read once");
  if (!a.json_path.empty()) throw runner::UserError("--json cannot be combined with --watch");
  runner::load_exercise(a.exercise, {.include_secret = false});  // a bad package stops here, exit 2
  const bool color = use_color(a.color);
  sandbox::Sandbox sandbox;
  auto run = [&]() -> std::string {
    // Loaded again on every run: samples edited meanwhile count too.
    const runner::Exercise exercise = runner::load_exercise(a.exercise, {.include_secret = false});
    if (!a.input.empty()) {
      const runner::CustomRunResult custom =
          runner::run_custom_input(sandbox, exercise, a.submission, read_custom_input(a.input));
      return report::render_custom_run(custom, exercise.title, exercise.id, color);
    }
    runner::GradeOptions options;
    options.tests = runner::TestSelection::sample;
    options.jobs = a.jobs;
    options.signals = a.signals;
    return report::render_watch_screen(
        report::build_model(runner::grade(sandbox, exercise, a.submission, options)), color);
  };
  return practice::watch_and_run(a.submission, run, {.terminal = isatty(STDOUT_FILENO) != 0}, std::cout);
}

int grade_command(const GradeArgs& a) {
  if (a.tests != "all" && a.tests != "sample") throw runner::UserError("--tests must be 'sample' or 'all'");
  if (a.color != "auto" && a.color != "always" && a.color != "never") {
    throw runner::UserError("--color must be auto, always or never");
  }
  if (a.signals && !a.input.empty())
    throw runner::UserError("--signals applies to the tests, not to a run on your own --input");
  if (a.watch) return watch_command(a);
  if (!a.input.empty()) return custom_run_command(a);
  const bool all = !a.practice && a.tests == "all";
  runner::Exercise exercise = runner::load_exercise(a.exercise, {.include_secret = all});
  if (!all && exercise.samples.empty()) {
    // Kattis packages may have no samples: say so rather than "accepted" on zero tests.
    std::cout << exercise.id
              << ": no sample tests: nothing to practise on (the exercise has hidden tests only; --input "
                 "FILE runs your own input)\n";
    return runner::kExitNotOk;
  }
  sandbox::Sandbox sandbox;
  runner::GradeOptions options;
  options.tests = all ? runner::TestSelection::all : runner::TestSelection::sample;
  options.jobs = a.jobs;
  options.fail_fast = a.fail_fast;
  // A full grade is what a session's final grade is: the exercise's every_session setting applies.
  options.signals = a.signals || (all && exercise.signals.every_session);
  const bool live = isatty(STDERR_FILENO) != 0;
  if (live) {
    options.on_progress = [](const runner::TestProgress& p) {
      std::fprintf(stderr, "\r\033[K  running tests %zu/%zu  (%s: %s)", p.done, p.total, p.last_test.c_str(),
                   std::string(runner::to_string(p.last_verdict)).c_str());
      std::fflush(stderr);
    };
  }
  const runner::GradeResult result = runner::grade(sandbox, exercise, a.submission, options);
  if (live) std::fprintf(stderr, "\r\033[K");
  if (!a.json_path.empty()) runner::write_result_file(a.json_path, result);
  std::cout << report::render_terminal(report::build_model(result), use_color(a.color));
  if (result.verdict == runner::Verdict::JE) return runner::kExitInternal;
  return result.verdict == runner::Verdict::AC ? runner::kExitOk : runner::kExitNotOk;
}

void add_common(CLI::App* cmd, GradeArgs& a) {
  cmd->add_option("exercise", a.exercise, "exercise package directory")->required();
  cmd->add_option("submission", a.submission, "the C source file to grade")->required();
  cmd->add_option("--json", a.json_path, "write the result document (docs/result.schema.json) to this file");
  cmd->add_option("--jobs", a.jobs, "tests run in parallel (default: one per core)");
  cmd->add_flag("--fail-fast", a.fail_fast, "stop at the first failing test");
  cmd->add_flag("--signals", a.signals,
                "after grading, collect interview signals: sanitizer findings, static analysis and, "
                "where the exercise declares a scaling family, how the cost grows against the "
                "reference's (docs/signals.md); never changes the verdict");
  cmd->add_option("--color", a.color, "auto | always | never")->capture_default_str();
}

}  // namespace

void add_grade_commands(CLI::App& app, Action& action) {
  auto g = std::make_shared<GradeArgs>();
  CLI::App* grade = app.add_subcommand("grade", "Grade a C submission against an exercise package");
  add_common(grade, *g);
  grade->add_option("--tests", g->tests, "sample | all")->capture_default_str();
  grade->callback([g, &action] { action = [g] { return grade_command(*g); }; });

  auto p = std::make_shared<GradeArgs>();
  p->practice = true;
  CLI::App* practice =
      app.add_subcommand("practice", "Run a submission on the sample tests only (never opens data/secret)");
  add_common(practice, *p);
  practice->add_option("--input", p->input,
                       "run once on this input file ('-': standard input) with the exercise's limits, "
                       "instead of the samples");
  practice->add_flag("--watch", p->watch, "run again on every save of the submission (Ctrl-C stops)");
  practice->callback([p, &action] { action = [p] { return grade_command(*p); }; });
}

}  // namespace proctor::cli
