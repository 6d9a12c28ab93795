// load_exercise: finds the package format, then reads metadata, files, tests, validator and
// submissions, each through PackageFs so nothing leads outside the package.
#include <system_error>

#include "package/loader.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::runner {
// Inside the namespace: proctor::fs (the fs module) would otherwise win over a global alias in a unity
// batch that also holds a file including it.
namespace fs = std::filesystem;
namespace {

using package::PackageFs;

fs::path package_root(const fs::path& dir) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
    throw UserError(dir, "cannot access exercise directory: " + ec.message());
  }
  if (ec || st.type() == fs::file_type::not_found) throw UserError(dir, "exercise directory does not exist");
  if (st.type() != fs::file_type::directory)
    throw UserError(dir, "is not a directory (expected an exercise package)");
  fs::path root = fs::canonical(dir, ec);
  if (ec) throw UserError(dir, "cannot resolve exercise directory: " + ec.message());
  return root;
}

fs::path optional_file(const PackageFs& files, const char* name) {
  fs::path path = files.root() / name;
  return files.exists(path) ? files.regular_file(path) : fs::path();
}

// kind "function": include/c holds harness.c (with main) and the header(s) the submission implements.
void load_harness(const PackageFs& files, Exercise& exercise) {
  fs::path dir = files.root() / "include" / "c";
  if (exercise.kind == ExerciseKind::program) {
    if (files.exists(dir))
      throw UserError(dir, "is only used by kind \"function\"; this exercise is a \"program\"");
    return;
  }
  if (!files.exists(dir))
    throw UserError(dir, "missing: kind \"function\" needs the harness (harness.c and a .h)");
  exercise.include_dir = files.directory(dir);
  bool harness = false;
  bool header = false;
  for (const package::DirEntry& entry : files.list(exercise.include_dir)) {
    if (entry.type == fs::file_type::directory) continue;
    files.regular_file(entry.path);
    harness = harness || entry.name == "harness.c";
    header = header || (entry.name.size() > 2 && entry.name.compare(entry.name.size() - 2, 2, ".h") == 0);
  }
  if (!harness) throw UserError(dir / "harness.c", "missing: kind \"function\" needs a harness with main()");
  if (!header)
    throw UserError(dir, "no .h header: kind \"function\" needs the header the submission implements");
}

// Every step of load_exercise, each one tried even when an earlier one failed, so that an author sees
// all structural problems at once. Steps that need an earlier one's result are skipped when it failed.
std::vector<std::string> all_problems(const PackageFs& files) {
  std::vector<std::string> problems;
  auto attempt = [&](auto&& step) {
    try {
      step();
      return true;
    } catch (const UserError& e) {
      problems.push_back(e.what());
      return false;
    }
  };
  Exercise exercise;
  exercise.root = files.root();
  package::Metadata meta;
  const bool proctor = files.exists(files.root() / "exercise.json");
  if (!proctor && !files.exists(files.root() / "problem.yaml")) {
    problems.push_back(files.root().string() +
                       ": neither exercise.json nor problem.yaml found: not an exercise package");
    return problems;
  }
  exercise.format = proctor ? "proctor" : "kattis";
  const bool meta_ok = attempt([&] {
    meta =
        proctor ? package::read_exercise_json(files, exercise) : package::read_problem_yaml(files, exercise);
  });
  if (proctor) {
    attempt([&] {
      fs::path statement = files.root() / "statement.md";
      if (!files.exists(statement))
        throw UserError(statement, "missing: the statement shown to the candidate");
      files.regular_file(statement);
    });
    attempt([&] { optional_file(files, "starter.c"); });
    if (meta_ok) attempt([&] { load_harness(files, exercise); });
  }
  bool tests_ok = attempt([&] { exercise.samples = package::load_tests(files, Visibility::sample); });
  tests_ok = attempt([&] { exercise.secrets = package::load_tests(files, Visibility::secret); }) && tests_ok;
  exercise.secrets_loaded = true;
  if (meta_ok) attempt([&] { package::resolve_validator(files, meta, exercise.checker); });
  attempt([&] { package::load_submissions(files, exercise); });
  attempt([&] { package::load_input_validators(files, exercise); });
  if (meta_ok && tests_ok) {
    if (attempt([&] { package::apply_scoring(meta, exercise); }) && !proctor)
      attempt([&] { package::apply_test_groups(files, meta, exercise, &problems); });
  }
  attempt([&] { package::hash_package(files, true); });
  return problems;
}

}  // namespace

std::vector<std::string> package_problems(const fs::path& dir) {
  try {
    return all_problems(PackageFs(package_root(dir)));
  } catch (const UserError& e) {
    return {e.what()};
  }
}

Exercise load_exercise(const fs::path& dir, const LoadOptions& options) {
  PackageFs files(package_root(dir));
  Exercise exercise;
  exercise.root = files.root();
  package::Metadata meta;
  if (files.exists(files.root() / "exercise.json")) {
    exercise.format = "proctor";
    meta = package::read_exercise_json(files, exercise);
    fs::path statement = files.root() / "statement.md";
    if (!files.exists(statement)) throw UserError(statement, "missing: the statement shown to the candidate");
    exercise.statement = files.regular_file(statement);
    exercise.starter = optional_file(files, "starter.c");
    load_harness(files, exercise);
  } else if (files.exists(files.root() / "problem.yaml")) {
    exercise.format = "kattis";
    meta = package::read_problem_yaml(files, exercise);
  } else {
    throw UserError(dir, "neither exercise.json nor problem.yaml found: not an exercise package");
  }

  exercise.samples = package::load_tests(files, Visibility::sample);
  if (options.include_secret) {
    exercise.secrets = package::load_tests(files, Visibility::secret);
    exercise.secrets_loaded = true;
  }
  package::resolve_validator(files, meta, exercise.checker);
  package::load_submissions(files, exercise);
  package::load_input_validators(files, exercise);
  package::apply_scoring(meta, exercise);
  if (exercise.format == "kattis") package::apply_test_groups(files, meta, exercise);
  exercise.sha256 = package::hash_package(files, exercise.secrets_loaded);
  return exercise;
}

}  // namespace proctor::runner
