// Kattis grading settings per test group. Legacy packages put them in testdata.yaml, 2023-07 ones in
// test_group.yaml, in data/ and in any group directory below it (data/sample, data/secret,
// data/secret/<group>/...); a directory's file inherits every key it does not set from the directory
// above, and a test's own <name>.yaml (2023-07) comes last. Proctor honours what it reproduces exactly
// (validator flags and arguments, accept_score, on_reject where the score cannot differ, a range that
// never clamps) and refuses the rest with an error naming the file and the key: a setting that changes a
// verdict or a score is never dropped silently.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>

#include "package/loader.hpp"
#include "package/yaml_error.hpp"
#include "proctor/runner/error.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

using Args = std::vector<std::string>;

// A value and the file that set it, for messages.
template <typename T>
struct SetIn {
  T value;
  fs::path file;
};

// What a group's settings say; an absent field is inherited from the directory above.
struct GroupLayer {
  std::optional<SetIn<Args>> output_flags;
  std::optional<SetIn<std::map<std::string, Args>>> input_args;  // key "": every input validator
  std::optional<SetIn<double>> accept_score;
  std::optional<SetIn<std::pair<double, double>>> range;
  std::optional<SetIn<bool>> on_reject_break;
};

GroupLayer merged_layer(GroupLayer parent, const GroupLayer& own) {
  if (own.output_flags) parent.output_flags = own.output_flags;
  if (own.input_args) parent.input_args = own.input_args;
  if (own.accept_score) parent.accept_score = own.accept_score;
  if (own.range) parent.range = own.range;
  if (own.on_reject_break) parent.on_reject_break = own.on_reject_break;
  return parent;
}

std::string setting_text(const fs::path& file, const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) throw UserError(file, "\"" + key + "\" must be a scalar");
  return one_line(node.Scalar());
}

// A space separated string (legacy *_flags) or a list (2023-07 *_args).
Args setting_words(const fs::path& file, const YAML::Node& node, const std::string& key) {
  Args out;
  if (node.IsNull()) return out;
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) out.push_back(setting_text(file, item, key));
    return out;
  }
  std::istringstream words(setting_text(file, node, key));
  for (std::string word; words >> word;) out.push_back(word);
  return out;
}

double setting_number(const fs::path& file, const std::string& key, const std::string& text) {
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno != 0 || std::isnan(value))
    throw UserError(file, "\"" + key + "\" is \"" + text + "\", not a number");
  return value;
}

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Every problem the settings have, not only the first: `exercise validate` lists them all at once.
class Problems {
 public:
  template <typename Step>
  void attempt(Step&& step) {
    try {
      step();
    } catch (const UserError& e) {
      add(e);
    }
  }
  void add(const UserError& e) {
    for (const UserError& seen : list)
      if (std::string(seen.what()) == e.what()) return;  // a group's bad flag, met by each of its tests
    list.push_back(e);
  }
  std::vector<UserError> list;
};

// One settings file. Keys that only affect feedback or pictures are skipped; unknown keys are noted.
// A bad key is recorded and the others still read.
GroupLayer read_group_layer(const PackageFs& files, const fs::path& path, const Metadata& meta,
                            Exercise& exercise, Problems& problems) {
  YAML::Node doc;
  try {
    doc = YAML::Load(files.read(files.regular_file(path)));
  } catch (const YAML::ParserException& e) {
    throw malformed_yaml(path, e);
  }
  GroupLayer layer;
  if (doc.IsNull()) return layer;
  if (!doc.IsMap()) throw UserError(path, "top level must be a mapping");
  for (const auto& entry : doc)
    problems.attempt([&] {
      if (!entry.first.IsScalar()) throw UserError(path, "keys must be strings");
      const std::string key = one_line(entry.first.Scalar());
      const YAML::Node& value = entry.second;
      if (key == "output_validator_flags" || key == "output_validator_args") {
        Args more = setting_words(path, value, key);
        if (!layer.output_flags) layer.output_flags = SetIn<Args>{{}, path};
        layer.output_flags->value.insert(layer.output_flags->value.end(), more.begin(), more.end());
      } else if (key == "input_validator_flags" || key == "input_validator_args") {
        if (!layer.input_args) layer.input_args = SetIn<std::map<std::string, Args>>{{}, path};
        if (value.IsMap()) {  // per validator: {name: flags}
          for (const auto& named : value) {
            if (!named.first.IsScalar())
              throw UserError(path, "\"" + key + "\" keys must be validator names");
            layer.input_args->value[one_line(named.first.Scalar())] = setting_words(path, named.second, key);
          }
        } else {
          layer.input_args->value[""] = setting_words(path, value, key);
        }
      } else if (key == "accept_score") {
        double score = setting_number(path, key, setting_text(path, value, key));
        if (score < 0 || !std::isfinite(score))
          throw UserError(path,
                          "\"accept_score\" is " + number_text(score) + ", must be a finite number >= 0");
        layer.accept_score = SetIn<double>{score, path};
      } else if (key == "reject_score") {
        std::string text = setting_text(path, value, key);
        if (setting_number(path, key, text) != 0)
          throw UserError(
              path, "\"reject_score\" " + text + " is not supported: Proctor gives a rejected test 0 points");
      } else if (key == "range") {
        Args bounds = setting_words(path, value, key);
        if (bounds.size() != 2) throw UserError(path, "\"range\" must be two numbers, \"min max\"");
        double lo = setting_number(path, key, bounds[0]);
        double hi = setting_number(path, key, bounds[1]);
        if (lo > hi) throw UserError(path, "\"range\" " + bounds[0] + " " + bounds[1] + " is empty");
        layer.range = SetIn<std::pair<double, double>>{{lo, hi}, path};
      } else if (key == "on_reject") {
        std::string text = setting_text(path, value, key);
        if (text != "break" && text != "continue")
          throw UserError(path, "\"on_reject\" is \"" + text + "\", must be break or continue");
        layer.on_reject_break = SetIn<bool>{text == "break", path};
      } else if (key == "grading") {
        std::string text = setting_text(path, value, key);
        if (text != "default")
          throw UserError(path, "\"grading: " + text +
                                    "\" is not supported: no custom graders (Proctor sums the points of the "
                                    "accepted tests)");
      } else if (key == "grader_flags") {
        for (const std::string& flag : setting_words(path, value, key)) {
          // Proctor's verdict is the first rejected test's and its score the sum: Kattis's default grader.
          if (flag != "first_error" && flag != "sum")
            throw UserError(path, "\"grader_flags\" " + flag +
                                      " is not supported: Proctor grades as first_error sum (the first "
                                      "rejection decides, points add up)");
        }
      } else if (key == "scoring") {
        throw UserError(path,
                        "\"scoring\" is not supported: Proctor gives each accepted test one point "
                        "(or the legacy accept_score), not 2023-07 group scores");
      } else if (key == "static_validation") {
        if (!value.IsNull() && !(value.IsScalar() && value.Scalar() == "false"))
          throw UserError(path, "\"static_validation\" is not supported: Proctor has no static validators");
      } else if (key == "full_feedback" || key == "input_visualizer_args" ||
                 key == "output_visualizer_args" || key == "description" || key == "hint") {
        // What the candidate is shown or drawn: no effect on a verdict or a score.
      } else {
        exercise.notes.push_back(path.string() + ": unknown key \"" + key + "\" ignored");
      }
    });
  if (layer.on_reject_break && layer.on_reject_break->value && meta.scored)
    problems.add(UserError(path,
                           "\"on_reject: break\" is not supported in a scoring problem: Proctor judges "
                           "every test (as on_reject: continue), so the score would differ"));
  return layer;
}

class GroupSettings {
 public:
  GroupSettings(const PackageFs& files, const Metadata& meta, Exercise& exercise, Problems& problems)
      : files_(files), meta_(meta), exercise_(exercise), problems_(problems) {}

  // The settings in force for a group ("" = data/, "sample", "secret/g1"...), inherited down the tree.
  const GroupLayer& of(const std::string& group) {
    if (auto it = cache_.find(group); it != cache_.end()) return it->second;
    GroupLayer parent;
    if (!group.empty()) {
      std::size_t slash = group.rfind('/');
      parent = of(slash == std::string::npos ? "" : group.substr(0, slash));
    }
    const fs::path dir = group.empty() ? files_.root() / "data" : files_.root() / "data" / group;
    return cache_[group] = merged_layer(std::move(parent), own(dir));
  }

  // A test's own settings file (2023-07), over its group's.
  GroupLayer of_test(const TestCase& test) {
    const GroupLayer& group = of(test.group);
    const fs::path file = files_.root() / "data" / (test.name + ".yaml");
    GroupLayer own;
    problems_.attempt([&] {
      if (files_.exists(file)) own = read_group_layer(files_, file, meta_, exercise_, problems_);
    });
    return merged_layer(group, own);
  }

 private:
  GroupLayer own(const fs::path& dir) {
    GroupLayer layer;
    problems_.attempt([&] { layer = read_own(dir); });
    return layer;
  }

  GroupLayer read_own(const fs::path& dir) {
    if (!files_.exists(dir)) return {};
    const fs::path legacy = dir / "testdata.yaml", modern = dir / "test_group.yaml";
    const bool has_legacy = files_.exists(legacy), has_modern = files_.exists(modern);
    if (has_legacy && has_modern)
      throw UserError(dir,
                      "holds both testdata.yaml and test_group.yaml; keep one (testdata.yaml is the "
                      "legacy format's name, test_group.yaml 2023-07's)");
    if (!has_legacy && !has_modern) return {};
    return read_group_layer(files_, has_legacy ? legacy : modern, meta_, exercise_, problems_);
  }

  const PackageFs& files_;
  const Metadata& meta_;
  Exercise& exercise_;
  Problems& problems_;
  std::map<std::string, GroupLayer> cache_;
};

Args args_for(const std::map<std::string, Args>& args, const std::string& validator) {
  if (auto named = args.find(validator); named != args.end()) return named->second;
  if (auto all = args.find(""); all != args.end()) return all->second;
  return {};
}

// The package's checker with problem.yaml's flags and then a group's.
CheckerSpec group_checker(CheckerSpec base, const Metadata& meta, const SetIn<Args>& group) {
  Args flags = meta.output_flags;
  flags.insert(flags.end(), group.value.begin(), group.value.end());
  if (base.type == "custom") {
    base.args = flags;  // a custom validator gets them as arguments, as in Kattis
  } else {
    apply_validator_flags(flags, base, group.file);
  }
  return base;
}

}  // namespace

void apply_test_groups(const PackageFs& files, const Metadata& meta, Exercise& exercise,
                       std::vector<std::string>* all_problems) {
  // The checker before any flag: the base every group's flags are applied to.
  CheckerSpec base = exercise.checker;
  base.case_sensitive = base.space_change_sensitive = false;
  base.abs_tolerance.reset();
  base.rel_tolerance.reset();
  base.args.clear();

  Problems problems;
  GroupSettings groups(files, meta, exercise, problems);
  const GroupLayer root = groups.of("");
  if (root.output_flags)
    problems.attempt([&] { exercise.checker = group_checker(base, meta, *root.output_flags); });
  if (root.input_args) {
    for (InputValidator& v : exercise.input_validators) v.args = args_for(root.input_args->value, v.name);
  }

  std::map<std::string, double> totals;  // points under each group directory, for `range`
  bool breaks_by_default = false;
  for (std::vector<TestCase>* tests : {&exercise.samples, &exercise.secrets}) {
    for (TestCase& test : *tests) {
      const GroupLayer settings = groups.of_test(test);
      if (settings.output_flags)
        problems.attempt([&] {
          CheckerSpec checker = group_checker(base, meta, *settings.output_flags);
          if (checker != exercise.checker) test.checker = std::move(checker);
        });
      if (settings.input_args) {
        for (const InputValidator& v : exercise.input_validators)
          test.input_validator_args[v.name] = args_for(settings.input_args->value, v.name);
      }
      if (settings.accept_score) test.points = settings.accept_score->value;
      breaks_by_default = breaks_by_default || !settings.on_reject_break;
      for (std::string group = test.group;;) {
        totals[group] += test.points;
        if (group.empty()) break;
        std::size_t slash = group.rfind('/');
        group = slash == std::string::npos ? "" : group.substr(0, slash);
      }
    }
  }
  // Kattis clamps a group's score to its range; Proctor cannot, so a range must never bite.
  std::vector<fs::path> clamping;  // a range in data/testdata.yaml is inherited: report it once
  for (const auto& [group, total] : totals) {
    const GroupLayer& settings = groups.of(group);
    if (!settings.range ||
        std::find(clamping.begin(), clamping.end(), settings.range->file) != clamping.end())
      continue;
    auto [lo, hi] = settings.range->value;
    if (lo > 0 || hi < total) clamping.push_back(settings.range->file);
    if (lo > 0 || hi < total)
      problems.add(UserError(settings.range->file,
                             "\"range\" " + number_text(lo) + " " + number_text(hi) +
                                 " is not supported: it would clamp the score of data/" + group + " (0 to " +
                                 number_text(total) + " points), which Proctor does not do"));
  }
  if (meta.scored && breaks_by_default)
    exercise.notes.push_back(
        (files.root() / "data").string() +
        ": Kattis stops a scoring group at its first rejection unless on_reject: continue is set; Proctor "
        "judges every test, so a partial score can be higher than Kattis's");
  if (problems.list.empty()) return;
  if (!all_problems) throw problems.list.front();
  for (const UserError& e : problems.list) all_problems->push_back(e.what());
}

}  // namespace proctor::runner::package
