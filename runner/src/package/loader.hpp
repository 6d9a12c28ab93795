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
  std::filesystem::path file;                     // exercise.json or problem.yaml, for messages
  std::string validator;                          // output_validators/<name>; empty: the only one
  std::vector<std::string> input_validator_args;  // Kattis testdata.yaml / test_group.yaml
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

// package_sha256's value over the files under files.root() (package_hash.cpp); data/secret only when
// include_secret. Throws UserError naming a file that cannot be read or leads outside the package.
std::string hash_package(const PackageFs& files, bool include_secret);

// A package id: used in file names and session records, so kept to a safe alphabet.
bool valid_id(const std::string& id);

}  // namespace proctor::runner::package
