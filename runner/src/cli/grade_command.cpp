// proctor grade / proctor practice: the main job, for people (a table, diffs, colour) and for
// machines (--json FILE with the result document).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/sandbox/launch.hpp"
#include "report/model.hpp"
#include "report/terminal.hpp"
#include "result/result_file.hpp"

namespace proctor::cli {
namespace {

struct GradeArgs {
  std::string exercise, submission, json_path, tests = "all", color = "auto";
  unsigned jobs = 0;
  bool fail_fast = false;
  bool practice = false;
};

int grade_command(const GradeArgs& a) {
  if (a.tests != "all" && a.tests != "sample") throw runner::UserError("--tests must be 'sample' or 'all'");
  if (a.color != "auto" && a.color != "always" && a.color != "never") {
    throw runner::UserError("--color must be auto, always or never");
  }
  const bool all = !a.practice && a.tests == "all";
  runner::Exercise exercise = runner::load_exercise(a.exercise, {.include_secret = all});
  if (!all && exercise.samples.empty()) {
    // Kattis packages may have no samples: say so rather than "accepted" on zero tests.
    std::cout << exercise.id
              << ": no sample tests: nothing to practise on (the exercise has hidden tests only)\n";
    return runner::kExitNotOk;
  }
  sandbox::Sandbox sandbox;
  runner::GradeOptions options;
  options.tests = all ? runner::TestSelection::all : runner::TestSelection::sample;
  options.jobs = a.jobs;
  options.fail_fast = a.fail_fast;
  const bool tty = isatty(STDOUT_FILENO) != 0;
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
  const bool color = a.color == "always" || (a.color == "auto" && tty && getenv("NO_COLOR") == nullptr);
  std::cout << report::render_terminal(report::build_model(result), color);
  if (result.verdict == runner::Verdict::JE) return runner::kExitInternal;
  return result.verdict == runner::Verdict::AC ? runner::kExitOk : runner::kExitNotOk;
}

void add_common(CLI::App* cmd, GradeArgs& a) {
  cmd->add_option("exercise", a.exercise, "exercise package directory")->required();
  cmd->add_option("submission", a.submission, "the C source file to grade")->required();
  cmd->add_option("--json", a.json_path, "write the result document (docs/result.schema.json) to this file");
  cmd->add_option("--jobs", a.jobs, "tests run in parallel (default: one per core)");
  cmd->add_flag("--fail-fast", a.fail_fast, "stop at the first failing test");
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
  practice->callback([p, &action] { action = [p] { return grade_command(*p); }; });
}

}  // namespace proctor::cli
