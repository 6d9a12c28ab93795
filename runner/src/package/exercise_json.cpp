// exercise.json: Proctor's own metadata format (docs/exercise-format.md). Strict on purpose: an unknown
// or mistyped field is an error, because a silently ignored "time_ms" typo changes every verdict.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "package/loader.hpp"
#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace proctor::runner::package {
namespace {

// Reads one JSON object, remembering which keys were used so that the rest can be reported.
class Fields {
 public:
  Fields(const fs::path& file, const json& object, std::string prefix)
      : file_(file), object_(object), prefix_(std::move(prefix)) {
    if (!object_.is_object())
      fail(prefix_.empty() ? "top level must be a JSON object" : "must be an object", "");
  }

  [[noreturn]] void fail(const std::string& problem, const std::string& key) const {
    std::string name = prefix_.empty() ? key : (key.empty() ? prefix_ : prefix_ + "." + key);
    throw UserError(file_, one_line(name.empty() ? problem : "field \"" + name + "\" " + problem));
  }

  const json* get(const std::string& key) {
    used_.insert(key);
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }

  const json& require(const std::string& key) {
    const json* value = get(key);
    if (!value) fail("is missing", key);
    return *value;
  }

  std::optional<std::string> string(const std::string& key) {
    const json* value = get(key);
    if (!value) return std::nullopt;
    if (!value->is_string()) fail("must be a string", key);
    return value->get<std::string>();
  }

  std::optional<bool> boolean(const std::string& key) {
    const json* value = get(key);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) fail("must be true or false", key);
    return value->get<bool>();
  }

  std::optional<std::uint64_t> integer(const std::string& key, std::uint64_t min, std::uint64_t max) {
    const json* value = get(key);
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) fail("must be an integer", key);
    if (value->is_number_unsigned() || value->get<std::int64_t>() >= 0) {
      std::uint64_t v = value->get<std::uint64_t>();
      if (v >= min && v <= max) return v;
    }
    fail("is " + value->dump() + ", must be between " + std::to_string(min) + " and " + std::to_string(max),
         key);
  }

  std::optional<double> number(const std::string& key) {
    const json* value = get(key);
    if (!value) return std::nullopt;
    if (!value->is_number()) fail("must be a number", key);
    double v = value->get<double>();
    if (!std::isfinite(v) || v < 0) fail("must be a finite number >= 0", key);
    return v;
  }

  std::optional<std::vector<std::string>> strings(const std::string& key) {
    const json* value = get(key);
    if (!value) return std::nullopt;
    if (!value->is_array()) fail("must be an array of strings", key);
    std::vector<std::string> out;
    for (const json& item : *value) {
      if (!item.is_string()) fail("must be an array of strings", key);
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  Fields object(const std::string& key) {
    return Fields(file_, require(key), prefix_.empty() ? key : prefix_ + "." + key);
  }

  void finish() const {
    for (const auto& [key, value] : object_.items()) {
      // "$schema" and "x-..." are left for editors and local extensions.
      if (used_.count(key) || key == "$schema" || key.rfind("x-", 0) == 0) continue;
      fail("is unknown", key);
    }
  }

 private:
  const fs::path& file_;
  const json& object_;
  std::string prefix_;
  std::set<std::string> used_;
};

json parse_exercise_json(const fs::path& file, const std::string& text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // what() is "[json.exception.parse_error.101] parse error at line 3, column 5: ..."; keep from "line".
    std::string what = e.what();
    auto at = what.find(" at line ");
    std::string detail = at == std::string::npos ? what : what.substr(at + 4);
    // The detail quotes what was last read, broken bytes and control characters included.
    throw UserError(file, "malformed JSON: " + one_line(detail));
  } catch (const json::out_of_range& e) {
    // A number too large for a double (out_of_range.406, found by fuzzing): what() names the number.
    std::string what = e.what();
    auto at = what.find("] ");
    throw UserError(file,
                    "malformed JSON: " + one_line(at == std::string::npos ? what : what.substr(at + 2)));
  }
}

void read_limits(Fields fields, ExerciseLimits& limits) {
  if (auto v = fields.integer("time_ms", 1, 60000)) limits.time_ms = *v;
  if (auto v = fields.integer("memory_mb", 16, 4096)) limits.memory_mb = *v;
  if (auto v = fields.integer("output_kb", 1, 1048576)) limits.output_kb = *v;
  if (auto v = fields.integer("wall_ms", 1, 600000)) {
    if (*v < limits.time_ms)
      fields.fail("must be at least time_ms (" + std::to_string(limits.time_ms) + ")", "wall_ms");
    limits.wall_ms = *v;
  }
  fields.finish();
}

std::string read_checker(Fields fields, CheckerSpec& checker) {
  checker.type = fields.string("type").value_or("tokens");
  static const std::set<std::string> kTypes = {"tokens", "exact", "float", "custom"};
  if (!kTypes.count(checker.type)) {
    fields.fail("is \"" + checker.type + "\", must be one of tokens, exact, float, custom", "type");
  }
  checker.case_sensitive = fields.boolean("case_sensitive").value_or(false);
  checker.space_change_sensitive = fields.boolean("space_change_sensitive").value_or(false);
  checker.abs_tolerance = fields.number("abs");
  checker.rel_tolerance = fields.number("rel");
  std::vector<std::string> args = fields.strings("args").value_or(std::vector<std::string>{});
  std::string validator = fields.string("validator").value_or("");
  bool custom = checker.type == "custom";
  if (!custom && !args.empty()) fields.fail("is only used by checker type \"custom\"", "args");
  if (!custom && !validator.empty()) fields.fail("is only used by checker type \"custom\"", "validator");
  if (checker.type == "exact" && (checker.abs_tolerance || checker.rel_tolerance || checker.case_sensitive ||
                                  checker.space_change_sensitive)) {
    fields.fail("takes no options: it compares bytes", "type");
  }
  if (!validator.empty() && (validator.find('/') != std::string::npos || validator[0] == '.')) {
    fields.fail("must name a directory under output_validators/", "validator");
  }
  checker.args = std::move(args);
  fields.finish();
  return validator;
}

// Extra compiler flags are limited to warnings, optimisation, defines, -f/-m switches and libraries:
// anything that names files or programs (-o, -B, -wrapper, -fplugin, -specs, @file) could make the
// compiler run or read something outside the package.
bool allowed_flag(const std::string& flag) {
  static const std::regex kAllowed(
      R"(-(O[0-3sgz]?|W[^,]*|g[0-9a-z-]*|[DU][A-Za-z_][A-Za-z0-9_]*(=[^\s]*)?|l[a-z0-9_]+|f[a-z0-9-]+(=[A-Za-z0-9_.,-]*)?|m[a-z0-9-]+(=[A-Za-z0-9_.,-]*)?|pedantic(-errors)?|pthread|static|w))");
  return std::regex_match(flag, kAllowed) && flag.rfind("-fplugin", 0) != 0 && flag != "-fdump" &&
         flag.rfind("-fdump-", 0) != 0 && flag.rfind("-fprofile", 0) != 0 &&
         flag.rfind("-fdebug-prefix", 0) != 0;
}

void read_compile(Fields fields, CompileSpec& compile) {
  if (auto std = fields.string("std")) {
    static const std::regex kStd(R"((c|gnu)(89|90|99|11|17|18|2x|23))");
    if (!std::regex_match(*std, kStd))
      fields.fail("is \"" + *std + "\", must be like c11, c17, gnu17, c2x", "std");
    compile.std = *std;
  }
  if (auto flags = fields.strings("flags")) {
    for (const std::string& flag : *flags) {
      if (!allowed_flag(flag))
        fields.fail("contains \"" + flag + "\", which is not an allowed compiler flag", "flags");
    }
    compile.flags = *flags;
  }
  fields.finish();
}

ScoringSpec read_scoring(Fields fields) {
  ScoringSpec spec;
  spec.per_test = fields.number("per_test");
  if (const json* groups = fields.get("groups")) {
    if (!groups->is_object() || groups->empty())
      fields.fail("must be a non-empty object of group: points", "groups");
    std::map<std::string, double> points;
    for (const auto& [group, value] : groups->items()) {
      if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
        fields.fail("must map groups to numbers >= 0", "groups");
      }
      points[group] = value.get<double>();
    }
    spec.groups = std::move(points);
  }
  if (spec.per_test && spec.groups) fields.fail("must set either per_test or groups, not both", "");
  fields.finish();
  return spec;
}

}  // namespace

bool valid_id(const std::string& id) {
  static const std::regex kId(R"([A-Za-z0-9][A-Za-z0-9._-]{0,63})");
  return std::regex_match(id, kId);
}

Metadata read_exercise_json(const PackageFs& files, Exercise& exercise) {
  Metadata meta;
  meta.file = files.root() / "exercise.json";
  json document = parse_exercise_json(meta.file, files.read(meta.file));
  Fields top(meta.file, document, "");

  exercise.id = top.string("id").value_or("");
  if (!top.get("id")) top.fail("is missing", "id");
  if (!valid_id(exercise.id)) {
    top.fail("is \"" + exercise.id +
                 "\", must be 1-64 characters from A-Z a-z 0-9 . _ - starting with a letter or digit",
             "id");
  }
  exercise.title = top.string("title").value_or("");
  if (!top.get("title")) top.fail("is missing", "title");
  if (exercise.title.empty()) top.fail("must not be empty", "title");

  std::string kind = top.string("kind").value_or("program");
  if (kind == "program") {
    exercise.kind = ExerciseKind::program;
  } else if (kind == "function") {
    exercise.kind = ExerciseKind::function;
  } else {
    top.fail("is \"" + kind + "\", must be \"program\" or \"function\"", "kind");
  }
  exercise.language = top.string("language").value_or("c");
  if (exercise.language != "c")
    top.fail("is \"" + exercise.language + "\", only \"c\" is supported", "language");
  if (auto minutes = top.integer("duration_minutes", 1, 600))
    exercise.duration_minutes = static_cast<int>(*minutes);

  if (top.get("limits")) read_limits(top.object("limits"), exercise.limits);
  if (top.get("checker")) meta.validator = read_checker(top.object("checker"), exercise.checker);
  if (top.get("compile")) read_compile(top.object("compile"), exercise.compile);
  if (top.get("scoring")) meta.scoring = read_scoring(top.object("scoring"));
  top.finish();
  return meta;
}

}  // namespace proctor::runner::package
