// proctor exercise new | validate | answers | export | list: the package author's tools. The work is
// in runner/src/authoring/; this file only parses, prints and picks exit codes.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "authoring/answers.hpp"
#include "authoring/export.hpp"
#include "authoring/generate.hpp"
#include "authoring/list.hpp"
#include "authoring/scaffold.hpp"
#include "authoring/validate.hpp"
#include "cli/commands.hpp"
#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::cli {
namespace {

namespace stdfs = std::filesystem;
using nlohmann::json;
using runner::UserError;

struct ExerciseArgs {
  std::string id, kind = "program", parent = "exercises";  // new
  std::vector<std::string> dirs;                           // validate, generate
  std::string dir, out, json_path;
  unsigned jobs = 0;
  bool if_stale = false;  // generate
};

int new_command(const ExerciseArgs& a) {
  if (a.kind != "program" && a.kind != "function") throw UserError("--kind must be program or function");
  const auto kind = a.kind == "function" ? runner::ExerciseKind::function : runner::ExerciseKind::program;
  const stdfs::path dir = authoring::create_exercise(a.parent, a.id, kind);
  std::cout << "created " << dir.string() << " (kind " << a.kind << ")\n";
  for (const auto& [file, content] : authoring::scaffold_files(a.id, kind)) std::cout << "  " << file << "\n";
  std::cout << "next: edit statement.md, the tests and submissions/accepted/ref.c, then run\n"
            << "  proctor exercise answers " << dir.string() << "\n"
            << "  proctor exercise validate " << dir.string() << "\n";
  return runner::kExitOk;
}

int validate_command(const ExerciseArgs& a) {
  // Bad arguments are reported before minutes of grading, not after.
  for (const std::string& dir : a.dirs) {
    std::error_code ec;
    if (!stdfs::is_directory(dir, ec)) throw UserError(dir, "is not a directory");
  }
  sandbox::Sandbox sandbox;
  authoring::ValidateOptions options;
  options.jobs = a.jobs;
  const bool live = isatty(STDERR_FILENO) != 0;
  if (live) {
    options.on_progress = [](const std::string& what) {
      std::fprintf(stderr, "\r\033[K  grading %s", what.c_str());
      std::fflush(stderr);
    };
  }
  json packages = json::array();
  std::size_t valid = 0;
  for (std::size_t i = 0; i < a.dirs.size(); ++i) {
    authoring::PackageCheck check = authoring::validate_package(sandbox, a.dirs[i], options);
    if (live) std::fprintf(stderr, "\r\033[K");
    if (i > 0) std::cout << "\n";
    authoring::print_package_check(std::cout, check);
    std::cout.flush();
    valid += check.ok() ? 1 : 0;
    packages.push_back(authoring::to_json(check));
  }
  const bool ok = valid == a.dirs.size();
  if (a.dirs.size() > 1) {
    std::cout << "\n"
              << a.dirs.size() << " packages: " << valid << " valid, " << a.dirs.size() - valid
              << " invalid\n";
  }
  if (!a.json_path.empty()) {
    json doc = {{"schema", "proctor-validate/1"}, {"ok", ok}, {"packages", packages}};
    fs::atomic_write(a.json_path, doc.dump(2) + "\n");
  }
  return ok ? runner::kExitOk : runner::kExitNotOk;
}

int answers_command(const ExerciseArgs& a) {
  sandbox::Sandbox sandbox;
  const authoring::AnswersReport r = authoring::regenerate_answers(sandbox, a.dir);
  std::cout << "reference: submissions/" << r.reference << "\n";
  for (const std::string& name : r.created) std::cout << "  created  " << name << ".ans\n";
  for (const std::string& name : r.changed) std::cout << "  changed  " << name << ".ans\n";
  std::cout << r.changed.size() << " changed, " << r.created.size() << " created, " << r.unchanged
            << " unchanged\n";
  if (r.custom_checker) {
    std::cout << "note: this exercise uses a custom output validator; check that it expects the reference's "
                 "output as the answer file\n";
  }
  return runner::kExitOk;
}

int generate_command(const ExerciseArgs& a) {
  sandbox::Sandbox sandbox;
  for (const std::string& dir : a.dirs) {
    authoring::GenerateOptions options;
    options.if_stale = a.if_stale;
    const authoring::GenerateReport r = authoring::generate_data(sandbox, dir, options);
    if (r.up_to_date) {
      std::cout << dir << ": generated data up to date\n";
      continue;
    }
    for (const std::string& f : r.changed) std::cout << "  wrote    " << f << "\n";
    std::cout << dir << ": " << r.cases << " generated cases (" << r.changed.size()
              << " changed), answers from submissions/" << r.reference << ", checksums in "
              << authoring::kChecksumList << "\n";
  }
  return runner::kExitOk;
}

int export_command(const ExerciseArgs& a) {
  const authoring::ExportReport r = authoring::export_practice_pack(a.dir, a.out);
  std::cout << "exported the practice pack to " << a.out << "\n";
  for (const std::string& file : r.files) std::cout << "  " << file << "\n";
  for (const std::string& w : r.warnings) std::cout << "warning: " << w << "\n";
  const stdfs::path edit = stdfs::path(a.out) / r.edit;
  std::cout << "the candidate edits " << edit.string() << " (README.md says how to install and practise)\n"
            << "try it: proctor practice " << a.out << " " << edit.string() << "\n";
  return runner::kExitOk;
}

int list_command(const ExerciseArgs& a) {
  const auto entries = authoring::list_exercises(a.dir.empty() ? "exercises" : a.dir);
  authoring::print_exercise_list(std::cout, entries);
  for (const auto& e : entries) {
    if (!e.error.empty()) return runner::kExitNotOk;
  }
  return runner::kExitOk;
}

template <typename F>
void on_run(CLI::App* cmd, Action& action, std::shared_ptr<ExerciseArgs> args, F run) {
  cmd->callback([&action, args, run] { action = [args, run] { return run(*args); }; });
}

}  // namespace

void add_exercise_commands(CLI::App& app, Action& action) {
  CLI::App* ex = app.add_subcommand(
      "exercise", "Author exercise packages: new, validate, answers, generate, export, list");
  ex->require_subcommand(1);

  auto n = std::make_shared<ExerciseArgs>();
  CLI::App* create = ex->add_subcommand("new", "Create a package with a working toy task to start from");
  create->add_option("id", n->id, "exercise id: 1-64 characters from a-z, 0-9 and -")->required();
  create->add_option("--kind", n->kind, "program | function")->capture_default_str();
  create->add_option("--dir", n->parent, "directory to create the package in")->capture_default_str();
  on_run(create, action, n, new_command);

  auto v = std::make_shared<ExerciseArgs>();
  CLI::App* validate =
      ex->add_subcommand("validate", "Check packages: format, tests, and every submission's verdict");
  validate->add_option("dirs", v->dirs, "exercise package directories")->required();
  validate->add_option("--json", v->json_path, "write the findings to this file");
  validate->add_option("--jobs", v->jobs, "tests run in parallel per submission (default: one per core)");
  on_run(validate, action, v, validate_command);

  auto w = std::make_shared<ExerciseArgs>();
  CLI::App* answers =
      ex->add_subcommand("answers", "Rewrite every .ans from the reference solution's output");
  answers->add_option("dir", w->dir, "exercise package directory")->required();
  on_run(answers, action, w, answers_command);

  auto g = std::make_shared<ExerciseArgs>();
  CLI::App* gen = ex->add_subcommand(
      "generate", "Run generators/generators.yaml in the sandbox, write the inputs, answers and checksums");
  gen->add_option("dirs", g->dirs, "exercise package directories")->required();
  gen->add_flag("--if-stale", g->if_stale, "do nothing for a package whose checksum list still matches");
  on_run(gen, action, g, generate_command);

  auto e = std::make_shared<ExerciseArgs>();
  CLI::App* exp =
      ex->add_subcommand("export", "Write the candidate's practice pack (no secret tests, no solutions)");
  exp->add_option("dir", e->dir, "exercise package directory")->required();
  exp->add_option("out", e->out, "new or empty output directory")->required();
  on_run(exp, action, e, export_command);

  auto l = std::make_shared<ExerciseArgs>();
  CLI::App* list = ex->add_subcommand("list", "List the packages in a directory with a quick format check");
  list->add_option("dir", l->dir, "directory of packages (default: exercises)");
  on_run(list, action, l, list_command);
}

}  // namespace proctor::cli
