#pragma once
// The loader's pieces, one concern per file; load_exercise.cpp strings them together.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "package/package_fs.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::runner::package {

// exercise.json "scoring", applied once the tests are known (scoring.cpp).
struct ScoringSpec {
  std::optional<double> per_test;
  std::optional<std::map<std::string, double>> groups;
};

// What a metadata reader found besides the Exercise fields it fills in.
struct Metadata {
  std::filesystem::path file;  // exercise.json or problem.yaml, for messages
  std::string validator;       // output_validators/<name>; empty: the only one
  // Kattis: problem.yaml's validator_flags / output_validator_args, before any test group's; and whether
  // the problem is scored (type scoring), which decides what some test group settings mean.
  std::vector<std::string> output_flags;
  bool scored = false;
  ScoringSpec scoring;
};

// exercise.json: fills id, title, kind, language, duration, limits, checker, compile.
Metadata read_exercise_json(const PackageFs& fs, Exercise& exercise);

// problem.yaml (+ .timelimit): the same fields from a Kattis/DOMjudge package.
Metadata read_problem_yaml(const PackageFs& fs, Exercise& exercise);

// Kattis validator flags ("case_sensitive float_tolerance 1e-6 ...") onto a built-in checker.
void apply_validator_flags(const std::vector<std::string>& flags, CheckerSpec& checker,
                           const std::filesystem::path& file);

// data/sample or data/secret: .in/.ans pairs, subdirectories of secret are groups (test_data.cpp).
std::vector<TestCase> load_tests(const PackageFs& fs, Visibility visibility);

// submissions/<verdict>/*.c with their expectations and notes (submissions.cpp); needs exercise.format.
void load_submissions(const PackageFs& fs, Exercise& exercise);

// input_validators/: every validator's sources and arguments (validators.cpp).
void load_input_validators(const PackageFs& fs, Exercise& exercise);

// Checks output_validators/ for a custom checker and sets checker.custom_dir (validators.cpp).
void resolve_validator(const PackageFs& fs, const Metadata& meta, CheckerSpec& checker);

// Sets TestCase::points (scoring.cpp).
void apply_scoring(const Metadata& meta, Exercise& exercise);

// Kattis grading settings per test group (test_groups.cpp): testdata.yaml / test_group.yaml in data/
// and every group directory below it, inherited key by key, and a test's own <name>.yaml. Sets the
// package's checker flags and input validator arguments (from data/), each test's where its group
// differs, and points (accept_score). A setting Proctor cannot honour is a UserError naming the file and
// the key: the first is thrown, or with `all_problems` every one is appended there. Needs the tests, the
// output validator and the input validators loaded, and apply_scoring done.
void apply_test_groups(const PackageFs& fs, const Metadata& meta, Exercise& exercise,
                       std::vector<std::string>* all_problems = nullptr);

// package_sha256's value over the files under files.root() (package_hash.cpp); data/secret only when
// include_secret. Throws UserError naming a file that cannot be read or leads outside the package.
std::string hash_package(const PackageFs& files, bool include_secret);

// A package id: used in file names and session records, so kept to a safe alphabet.
bool valid_id(const std::string& id);

}  // namespace proctor::runner::package
