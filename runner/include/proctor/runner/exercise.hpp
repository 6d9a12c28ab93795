#pragma once
// An exercise package in memory: Proctor's exercise.json layout or a Kattis/DOMjudge problem.yaml one.
// See docs/exercise-format.md.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proctor/runner/verdict.hpp"

namespace proctor::runner {

enum class ExerciseKind { program, function };
enum class Visibility { sample, secret };

struct ExerciseLimits {
  std::uint64_t time_ms = 1000;
  std::uint64_t memory_mb = 256;
  std::uint64_t output_kb = 8192;
  std::optional<std::uint64_t> wall_ms;
};

struct CheckerSpec {
  std::string type = "tokens";  // "tokens" | "exact" | "float" | "custom"
  bool case_sensitive = false;
  bool space_change_sensitive = false;
  std::optional<double> abs_tolerance;  // float: Kattis float_absolute_tolerance
  std::optional<double> rel_tolerance;  // float: Kattis float_relative_tolerance
  std::vector<std::string> args;        // custom: extra validator arguments
  std::filesystem::path custom_dir;     // custom: output_validators/<name>/
  bool operator==(const CheckerSpec&) const = default;
};

struct CompileSpec {
  std::string std = "gnu17";
  std::vector<std::string> flags;  // replaces the default extra flags when non-empty
};

// exercise.json "signals" (docs/signals.md): whether every session collects them, and which finding
// kinds the exercise's author silences.
struct SignalsSpec {
  bool every_session = false;  // session finish and `proctor grade` collect them without --signals
  // Finding kinds never reported: a sanitizer kind ("memory-leak", "signed-integer-overflow"), an
  // analyzer or warning option ("-Wanalyzer-malloc-leak", "-Wunused-parameter").
  std::vector<std::string> silence;
  bool silenced(const std::string& kind) const;
};

struct TestCase {
  std::string name;   // e.g. "sample/1" or "secret/group1/03"
  std::string group;  // "sample", "secret" or the secret subdirectory path, e.g. "secret/group1"
  Visibility visibility = Visibility::secret;
  std::filesystem::path input;
  std::filesystem::path answer;
  double points = 1.0;
  // What the test checks, for the interviewer's report ("wrap-around at the end of the buffer"): the
  // optional <name>.desc file beside the .in (Kattis's convention), one line, bounded.
  std::string description;
  // Kattis packages: the grading settings of the test's group (testdata.yaml / test_group.yaml in its
  // directory and every one above it, then its own <name>.yaml). `checker` is set when the group's
  // output validator flags differ from the package's (Exercise::checker); `input_validator_args` holds,
  // per input validator name, the arguments it gets for this test (absent: InputValidator::args).
  std::optional<CheckerSpec> checker;
  std::map<std::string, std::vector<std::string>> input_validator_args;
};

// What a package says one submission must get, beyond its directory's name: DOMjudge's
// `@EXPECTED_RESULTS@:` annotation in the source, or Kattis's submissions/submissions.yaml.
struct SubmissionExpectation {
  std::string source;  // "@EXPECTED_RESULTS@" or "submissions.yaml", for messages
  // DOMjudge: the overall verdict is one of these.
  std::vector<Verdict> overall;
  // Kattis: every test's verdict is in `permitted` and, for each list in `required`, some test's
  // verdict is in that list (Kattis codes AC, WA, TLE, RTE; Proctor's MLE, OLE and SV count as RTE).
  // Empty: no such rule.
  std::vector<Verdict> permitted;
  std::vector<std::vector<Verdict>> required;
};

// An input validator (input_validators/<name>/ or a single source file there): C or C++ sources
// run as `validator [args] < input`, exit 42 valid, 43 invalid.
struct InputValidator {
  std::string name;
  std::filesystem::path dir;                   // resolved; holds the sources
  std::vector<std::filesystem::path> sources;  // resolved
  std::vector<std::string> args;               // input_validator_flags / input_validator_args
  // Non-empty: a validator Proctor cannot build (Python, checktestdata, Java...), and why; `exercise
  // validate` reports it as a problem, since the inputs then go unchecked. Grading does not need it.
  std::string unsupported;
};

struct Exercise {
  std::filesystem::path root;
  std::string format;  // "proctor" (exercise.json) or "kattis" (problem.yaml)
  std::string id;
  std::string title;
  ExerciseKind kind = ExerciseKind::program;
  std::string language = "c";
  int duration_minutes = 30;
  ExerciseLimits limits;
  CheckerSpec checker;
  CompileSpec compile;
  SignalsSpec signals;
  std::filesystem::path statement;    // empty when absent
  std::filesystem::path starter;      // empty when absent
  std::filesystem::path include_dir;  // include/c, for kind "function"
  std::vector<TestCase> samples;      // lexicographic order
  std::vector<TestCase> secrets;      // empty when loaded without secrets
  bool secrets_loaded = false;
  std::map<std::string, std::vector<std::filesystem::path>> submissions;  // verdict dir -> files
  // Per submission file (resolved path, as in `submissions`), when the package states one.
  std::map<std::filesystem::path, SubmissionExpectation> expectations;
  std::vector<InputValidator> input_validators;
  // Things the loader accepted but does not use (unknown submissions directories, problem.yaml keys
  // with no effect on grading), for `exercise validate` to list as notes.
  std::vector<std::string> notes;
  std::string sha256;  // package_sha256 of the files as loaded: computed once, by load_exercise
};

// The checker a test is judged with: its group's, else the package's.
inline const CheckerSpec& checker_for(const Exercise& exercise, const TestCase& test) {
  return test.checker ? *test.checker : exercise.checker;
}

struct LoadOptions {
  // Practice never opens data/secret: with false the loader does not even list it.
  bool include_secret = true;
};

// Throws UserError("<file>: <problem>") for a bad package.
Exercise load_exercise(const std::filesystem::path& dir, const LoadOptions& options = {});

// Every structural problem load_exercise would find, not only the first (empty: it loads). For
// `exercise validate`; never throws for a bad package.
std::vector<std::string> package_problems(const std::filesystem::path& dir);

// sha256 over the package's files (sorted relative paths and contents), hex, as load_exercise computed
// it (data/secret included only when the secrets were loaded). Used to freeze a package. Throws
// InternalError for an Exercise that load_exercise did not make.
std::string package_sha256(const Exercise& exercise);

// The loader rejects any package file larger than this (a test, a submission, a statement...).
inline constexpr std::uintmax_t kMaxPackageFileBytes = std::uintmax_t{256} << 20;

// SHA-256 of bytes, lowercase hex (64 characters).
std::string sha256_hex(std::string_view data);

// SHA-256 of a file's contents, lowercase hex. Throws UserError naming the file when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

}  // namespace proctor::runner
