// problem.yaml (+ DOMjudge's .timelimit): a Kattis/DOMjudge package graded as a C "program" exercise.
// Lenient where Kattis is (unknown keys are other tools' business), strict on what changes a verdict.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "package/loader.hpp"
#include "package/yaml_error.hpp"
#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

YAML::Node parse_problem_yaml(const fs::path& file, const std::string& text) {
  try {
    YAML::Node node = YAML::Load(text);
    if (node.IsNull()) return YAML::Node(YAML::NodeType::Map);  // an empty problem.yaml is valid Kattis
    if (!node.IsMap()) throw UserError(file, "top level must be a mapping");
    return node;
  } catch (const YAML::ParserException& e) {
    throw malformed_yaml(file, e);
  }
}

// Scalars come back as valid UTF-8: a title or value with broken bytes ends up in results and
// messages, which must stay valid UTF-8 (the fuzzer found a title that made the result unwritable).
std::string scalar(const fs::path& file, const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) throw UserError(file, "field \"" + key + "\" must be a scalar");
  return one_line(node.Scalar());
}

// Seconds as a decimal number ("2", "1.5"), from .timelimit or limits.time_limit.
std::uint64_t seconds_to_ms(const fs::path& file, const std::string& what, const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
  std::size_t start = trimmed.find_first_not_of(" \t\r\n");
  trimmed = start == std::string::npos ? "" : trimmed.substr(start);
  char* end = nullptr;
  errno = 0;
  double seconds = std::strtod(trimmed.c_str(), &end);
  if (trimmed.empty() || *end != '\0' || errno != 0 || !std::isfinite(seconds) || seconds <= 0) {
    throw UserError(file, what + " \"" + trimmed + "\" is not a positive number of seconds");
  }
  double ms = std::ceil(seconds * 1000 - 1e-9);
  if (ms < 1 || ms > 60000)
    throw UserError(file, what + " is " + trimmed + " s, must be between 0.001 and 60");
  return static_cast<std::uint64_t>(ms);
}

std::uint64_t mebibytes(const fs::path& file, const YAML::Node& node, const std::string& key,
                        std::uint64_t min, std::uint64_t max) {
  std::string text = scalar(file, node, key);
  char* end = nullptr;
  errno = 0;
  unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || text[0] == '-') {
    throw UserError(file, "field \"" + key + "\" is \"" + text + "\", must be an integer number of MiB");
  }
  if (value < min || value > max) {
    throw UserError(file, "field \"" + key + "\" is " + text + " MiB, must be between " +
                              std::to_string(min) + " and " + std::to_string(max));
  }
  return value;
}

// validator_flags is a space separated string; output_validator_args may also be a list.
std::vector<std::string> flag_list(const fs::path& file, const YAML::Node& node, const std::string& key) {
  std::vector<std::string> out;
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) out.push_back(scalar(file, item, key));
    return out;
  }
  std::istringstream words(scalar(file, node, key));
  for (std::string word; words >> word;) out.push_back(word);
  return out;
}

std::string title_of(const fs::path& file, const YAML::Node& name) {
  if (name.IsScalar()) return scalar(file, name, "name");
  // Newer packages map languages to names; prefer English.
  if (name.IsMap() && name.size() > 0) {
    if (name["en"] && name["en"].IsScalar()) return scalar(file, name["en"], "name.en");
    return scalar(file, name.begin()->second, "name");
  }
  throw UserError(file, "field \"name\" must be a string or a map of language to string");
}

// Problem types Proctor cannot grade: a C program reading stdin and writing stdout is all it runs.
// Returns whether the problem is scored.
bool check_type(const fs::path& file, const YAML::Node& node) {
  std::vector<std::string> types;
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) types.push_back(scalar(file, item, "type"));
  } else {
    types.push_back(scalar(file, node, "type"));
  }
  for (const std::string& type : types) {
    for (const char* unsupported : {"interactive", "multi-pass", "submit-answer"}) {
      if (type.find(unsupported) != std::string::npos) {
        throw UserError(file, "problem type \"" + type + "\" is not supported (only pass-fail and scoring)");
      }
    }
  }
  return std::any_of(types.begin(), types.end(),
                     [](const std::string& type) { return type.find("scoring") != std::string::npos; });
}

// DOMjudge's domjudge-problem.ini: `timelimit = '2'` (quotes optional); nullopt when absent.
std::optional<std::string> ini_value(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string name = line.substr(0, eq);
    name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char c) { return std::isspace(c); }),
               name.end());
    if (name != key) continue;
    std::string value = line.substr(eq + 1);
    value.erase(std::remove_if(value.begin(), value.end(),
                               [](unsigned char c) { return std::isspace(c) || c == '\'' || c == '"'; }),
                value.end());
    return value;
  }
  return std::nullopt;
}

fs::path find_statement(const PackageFs& files) {
  for (const char* candidate :
       {"statement.md", "problem_statement/problem.en.md", "problem_statement/problem.md",
        "statement/problem.en.md", "statement/problem.md", "problem_statement/problem.en.tex",
        "problem_statement/problem.tex", "statement/problem.en.tex", "statement/problem.tex"}) {
    fs::path path = files.root() / candidate;
    if (files.exists(path)) return files.regular_file(path);
  }
  return {};
}

}  // namespace

void apply_validator_flags(const std::vector<std::string>& flags, CheckerSpec& checker,
                           const fs::path& file) {
  auto tolerance = [&](std::size_t& i) {
    if (i + 1 >= flags.size()) throw UserError(file, "validator flag \"" + flags[i] + "\" needs a value");
    const std::string& text = flags[++i];
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(value) || value < 0) {
      throw UserError(file, "validator flag \"" + flags[i - 1] + "\" has a bad value \"" + text + "\"");
    }
    return value;
  };
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const std::string& flag = flags[i];
    if (flag == "case_sensitive") {
      checker.case_sensitive = true;
    } else if (flag == "space_change_sensitive") {
      checker.space_change_sensitive = true;
    } else if (flag == "float_tolerance") {
      checker.abs_tolerance = checker.rel_tolerance = tolerance(i);
    } else if (flag == "float_absolute_tolerance") {
      checker.abs_tolerance = tolerance(i);
    } else if (flag == "float_relative_tolerance") {
      checker.rel_tolerance = tolerance(i);
    } else {
      throw UserError(file, "unknown validator flag \"" + flag + "\"");
    }
  }
}

Metadata read_problem_yaml(const PackageFs& files, Exercise& exercise) {
  Metadata meta;
  meta.file = files.root() / "problem.yaml";
  YAML::Node doc = parse_problem_yaml(meta.file, files.read(meta.file));

  exercise.id = files.root().filename().string();
  if (!valid_id(exercise.id)) {
    throw UserError(files.root(),
                    "directory name \"" + exercise.id +
                        "\" is not a valid exercise id (1-64 characters from A-Z a-z 0-9 . _ -)");
  }
  exercise.title = doc["name"] ? title_of(meta.file, doc["name"]) : exercise.id;
  exercise.kind = ExerciseKind::program;
  exercise.language = "c";

  if (doc["type"]) meta.scored = check_type(meta.file, doc["type"]);
  std::string version = doc["problem_format_version"]
                            ? scalar(meta.file, doc["problem_format_version"], "problem_format_version")
                            : "legacy";
  // 2023-07 and later drop `validation` and `validator_flags`: a custom validator is output_validator/,
  // flags are output_validator_args in data/test_group.yaml.
  const bool modern = version.rfind("legacy", 0) != 0;

  YAML::Node limits = doc["limits"];
  if (limits && !limits.IsMap()) throw UserError(meta.file, "field \"limits\" must be a mapping");
  fs::path timelimit = files.root() / ".timelimit";
  fs::path ini = files.root() / "domjudge-problem.ini";
  std::optional<std::string> ini_time;
  if (files.exists(ini)) ini_time = ini_value(files.read(files.regular_file(ini)), "timelimit");
  if (files.exists(timelimit)) {
    exercise.limits.time_ms = seconds_to_ms(timelimit, "time limit", files.read(timelimit));
  } else if (ini_time) {
    exercise.limits.time_ms = seconds_to_ms(ini, "timelimit", *ini_time);
  } else if (limits && limits["time_limit"]) {
    exercise.limits.time_ms = seconds_to_ms(meta.file, "limits.time_limit",
                                            scalar(meta.file, limits["time_limit"], "limits.time_limit"));
  }
  if (limits && limits["memory"]) {
    exercise.limits.memory_mb = mebibytes(meta.file, limits["memory"], "limits.memory", 16, 4096);
  }
  if (limits && limits["output"]) {
    exercise.limits.output_kb = 1024 * mebibytes(meta.file, limits["output"], "limits.output", 1, 1024);
  }

  std::string validation = doc["validation"] ? scalar(meta.file, doc["validation"], "validation")
                           : modern && files.exists(files.root() / "output_validator") ? "custom"
                                                                                       : "default";
  if (validation.find("interactive") != std::string::npos ||
      validation.find("multi-pass") != std::string::npos)
    throw UserError(meta.file,
                    "validation \"" + validation + "\" is not supported (only pass-fail and scoring)");
  if (validation == "custom score") {
    validation = "custom";  // a scoring validator still says 42/43
    meta.scored = true;
  }
  std::vector<std::string> flags;
  for (const char* key : {"validator_flags", "output_validator_args"}) {
    if (doc[key]) {
      auto more = flag_list(meta.file, doc[key], key);
      flags.insert(flags.end(), more.begin(), more.end());
    }
  }
  // Test groups may add flags (data/testdata.yaml, test_group.yaml): apply_test_groups rebuilds the
  // checker from meta.output_flags then; applied here too so that a bad flag names problem.yaml.
  meta.output_flags = flags;
  if (validation == "default") {
    exercise.checker.type = "tokens";
    apply_validator_flags(flags, exercise.checker, meta.file);
  } else if (validation == "custom") {
    exercise.checker.type = "custom";
    exercise.checker.args = flags;  // a custom validator gets the flags as arguments, as in Kattis
  } else {
    throw UserError(meta.file, "validation \"" + validation + "\" is not supported (default or custom)");
  }
  exercise.statement = find_statement(files);
  return meta;
}

}  // namespace proctor::runner::package
