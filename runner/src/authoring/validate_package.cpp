// validate_package: format first (the loader's verdict, plus every unpaired test file at once), then
// what only running reveals: the validator builds, and every submission keeps its directory's promise.
#include <system_error>

#include "authoring/generate.hpp"
#include "authoring/input_validation.hpp"
#include "authoring/package_lint.hpp"
#include "authoring/test_files.hpp"
#include "authoring/validate.hpp"
#include "execute/compile.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "text/utf8.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;

namespace {

fs::path readable_dir(const fs::path& dir) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (ec || st.type() == fs::file_type::not_found) throw runner::UserError(dir, "does not exist");
  if (st.type() != fs::file_type::directory) throw runner::UserError(dir, "is not a directory");
  fs::path root = fs::canonical(dir, ec);
  if (ec) throw runner::UserError(dir, "cannot resolve: " + ec.message());
  fs::directory_iterator probe(root, ec);
  if (ec) throw runner::UserError(dir, "cannot list: " + ec.message());
  return root;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  for (const std::string& existing : list) {
    if (existing == item) return;
  }
  list.push_back(item);
}

void check_files(PackageCheck& check, const fs::path& root) {
  TestFiles files = scan_test_files(root);
  // Worded like the loader, so that its own complaint about the first one is not listed twice.
  for (const fs::path& p : files.inputs_without_answer)
    check.problems.push_back(p.string() + ": has no matching .ans file");
  for (const fs::path& p : files.answers_without_input)
    check.problems.push_back(p.string() + ": has no matching .in file");
}

bool validator_builds(PackageCheck& check, sandbox::Sandbox& sandbox, const runner::Exercise& exercise) {
  if (exercise.checker.type != "custom") return true;
  sandbox::TempDir build("proctor-validate");
  runner::CompileOutcome out = runner::compile_validator(sandbox, exercise.checker.custom_dir, build.path());
  if (out.result.status == runner::CompileStatus::OK) return true;
  std::string why = out.error.empty() ? out.result.output : out.error;
  if (why.size() > 300) why = why.substr(0, text::utf8_cut(why, 300)) + "...";
  check.problems.push_back(exercise.checker.custom_dir.string() +
                           ": the output validator does not compile: " + why);
  return false;
}

}  // namespace

bool PackageCheck::ok() const {
  if (!loaded || !problems.empty()) return false;
  for (const SubmissionCheck& s : submissions) {
    if (!s.problem.empty()) return false;
  }
  return true;
}

PackageCheck validate_package(sandbox::Sandbox& sandbox, const fs::path& dir,
                              const ValidateOptions& options) {
  PackageCheck check;
  check.dir = dir.has_filename() ? dir : dir.parent_path();  // "exercises/x/" from shell globs
  const fs::path root = readable_dir(dir);
  check_files(check, root);

  runner::Exercise exercise;
  try {
    exercise = runner::load_exercise(root);
  } catch (const runner::UserError& e) {
    // All of them at once, not one per run of validate.
    add_unique(check.problems, e.what());
    for (const std::string& p : runner::package_problems(root)) add_unique(check.problems, p);
    return check;
  }
  check.loaded = true;
  check.id = exercise.id;
  check.title = exercise.title;
  check.time_limit_ms = exercise.limits.time_ms;
  check.memory_mb = exercise.limits.memory_mb;
  check.samples = exercise.samples.size();
  check.secrets = exercise.secrets.size();

  if (exercise.statement.empty()) {
    check.problems.push_back(root.string() +
                             ": no statement (statement.md or problem_statement/problem.en.md)");
  } else if (fs::file_size(exercise.statement) == 0) {
    check.problems.push_back(exercise.statement.string() + ": the statement is empty");
  }
  for (const std::string& note : exercise.notes) check.notes.push_back(note);
  LintFindings lint = lint_package(exercise);
  for (std::string& p : lint.problems) check.problems.push_back(std::move(p));
  for (std::string& n : lint.notes) check.notes.push_back(std::move(n));
  if (exercise.samples.empty())
    check.notes.push_back("no sample tests: practice has nothing to run and candidates see no example");
  if (exercise.secrets.empty())
    check.notes.push_back("no secret tests: candidates are graded on the samples only");
  if (exercise.format == "proctor" && exercise.starter.empty()) check.notes.push_back("no starter.c");
  if (exercise.submissions.count("accepted") == 0 || exercise.submissions.at("accepted").empty()) {
    check.problems.push_back(root.string() +
                             "/submissions/accepted: no accepted submission (needed to trust the "
                             "answers and to set the time limit)");
  }
  if (!validator_builds(check, sandbox, exercise)) return check;
  for (std::string& p : check_inputs(sandbox, exercise)) check.problems.push_back(std::move(p));
  for (std::string& p : stale_data(root)) check.problems.push_back(std::move(p));

  std::size_t total = 0, done = 0;
  for (const auto& [verdict_dir, files] : exercise.submissions) total += files.size();
  for (const auto& [verdict_dir, files] : exercise.submissions) {
    for (const fs::path& file : files) {
      if (options.on_progress) {
        options.on_progress(exercise.id + ": " + verdict_dir + "/" + file.filename().string() + " (" +
                            std::to_string(++done) + "/" + std::to_string(total) + ")");
      }
      SubmissionCheck s = check_submission(sandbox, exercise, verdict_dir, file, options.jobs);
      if (verdict_dir == "accepted" && s.got == runner::Verdict::AC) {
        check.slowest_accepted_ms = std::max(check.slowest_accepted_ms.value_or(0), s.max_time_ms());
      }
      if (!s.note.empty()) check.notes.push_back(s.file + ": " + s.note);
      check.submissions.push_back(std::move(s));
    }
  }
  if (check.slowest_accepted_ms)
    check.suggested_time_limit_ms = suggested_time_limit(*check.slowest_accepted_ms);
  return check;
}

}  // namespace proctor::authoring
