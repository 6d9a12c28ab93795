// submissions/<expected verdict>/*.c: reference solutions the package author expects to get that
// verdict; `proctor exercise validate` grades them. Only C is graded; Kattis packages often carry other
// languages too, which are skipped there but are a mistake in a Proctor package.
//
// Other judges' packages say more than the directory name: DOMjudge reads `@EXPECTED_RESULTS@:` from
// the source (and then any directory goes, e.g. check_manually/ or multiple/), Kattis reads
// submissions/submissions.yaml. Both become Exercise::expectations. A Kattis/DOMjudge directory that
// promises nothing Proctor can check is listed in Exercise::notes, never an error.
#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "package/loader.hpp"
#include "package/yaml_error.hpp"
#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

const std::set<std::string> kProctorDirs = {
    "accepted",       "wrong_answer",  "time_limit_exceeded",  "memory_limit_exceeded",
    "run_time_error", "compile_error", "output_limit_exceeded"};

// Kattis adds three weaker promises; DOMjudge spells three of its results as directories.
const std::set<std::string>& known_dirs(bool kattis) {
  static const std::set<std::string> kKattis = [] {
    std::set<std::string> all = kProctorDirs;
    all.insert(
        {"partially_accepted", "rejected", "brute_force", "compiler_error", "no_output", "output_limit"});
    return all;
  }();
  return kattis ? kKattis : kProctorDirs;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

bool is_c_source(const std::string& name) {
  return name.size() > 2 && name.compare(name.size() - 2, 2, ".c") == 0;
}

// DOMjudge's result names to the Proctor verdicts that count as that result.
std::vector<Verdict> domjudge_result(const std::string& word) {
  if (word == "CORRECT") return {Verdict::AC};
  if (word == "WRONG-ANSWER" || word == "NO-OUTPUT") return {Verdict::WA};
  if (word == "TIMELIMIT") return {Verdict::TLE};
  if (word == "RUN-ERROR") return {Verdict::RTE, Verdict::MLE, Verdict::SV};
  if (word == "COMPILER-ERROR") return {Verdict::CE};
  if (word == "OUTPUT-LIMIT") return {Verdict::OLE};
  return {};
}

// "// @EXPECTED_RESULTS@: WRONG-ANSWER, TIMELIMIT" anywhere in the file; nullopt when absent.
std::optional<SubmissionExpectation> annotation(const fs::path& file, const std::string& source) {
  static const std::string kTag = "@EXPECTED_RESULTS@:";
  std::size_t at = source.find(kTag);
  if (at == std::string::npos) return std::nullopt;
  std::size_t end = source.find('\n', at);
  std::string rest =
      source.substr(at + kTag.size(), end == std::string::npos ? std::string::npos : end - at - kTag.size());
  SubmissionExpectation out;
  out.source = "@EXPECTED_RESULTS@";
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string upper = word;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    std::vector<Verdict> verdicts = domjudge_result(upper);
    if (verdicts.empty()) {
      throw UserError(file, "@EXPECTED_RESULTS@ value \"" + text::valid_utf8(word) +
                                "\" is not supported (CORRECT, WRONG-ANSWER, TIMELIMIT, RUN-ERROR, "
                                "COMPILER-ERROR, NO-OUTPUT, OUTPUT-LIMIT)");
    }
    for (Verdict v : verdicts) {
      if (std::find(out.overall.begin(), out.overall.end(), v) == out.overall.end()) out.overall.push_back(v);
    }
    word.clear();
  };
  for (char c : rest) {
    if (c == ',' || std::isspace(static_cast<unsigned char>(c)) || c == '*' || c == '/') {
      flush();  // a trailing "*/" of a one-line block comment is not a result
    } else {
      word += c;
    }
  }
  flush();
  if (out.overall.empty()) throw UserError(file, "@EXPECTED_RESULTS@: names no result");
  return out;
}

// "{a,b}.c" -> "a.c", "b.c" (Kattis allows brace expansion in submissions.yaml globs).
std::vector<std::string> expand_braces(const std::string& pattern) {
  std::size_t open = pattern.find('{');
  if (open == std::string::npos) return {pattern};
  std::size_t close = pattern.find('}', open);
  if (close == std::string::npos) return {pattern};
  std::vector<std::string> out;
  std::string body = pattern.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  while (true) {
    std::size_t comma = body.find(',', start);
    std::string choice = body.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    for (const std::string& rest : expand_braces(pattern.substr(close + 1)))
      out.push_back(pattern.substr(0, open) + choice + rest);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// A submission "dir/file.c" is matched by a glob matching itself or its directory.
bool glob_matches(const std::string& pattern, const std::string& rel) {
  std::string dir = rel.substr(0, rel.find('/'));
  for (const std::string& p : expand_braces(pattern)) {
    if (fnmatch(p.c_str(), rel.c_str(), FNM_PATHNAME) == 0 ||
        fnmatch(p.c_str(), dir.c_str(), FNM_PATHNAME) == 0)
      return true;
  }
  return false;
}

// Kattis's default rules, which submissions.yaml refines.
SubmissionExpectation kattis_default(const std::string& dir) {
  SubmissionExpectation e;
  e.source = "submissions.yaml";
  using enum Verdict;
  if (dir == "accepted") e.permitted = {AC};
  if (dir == "rejected") e.required = {{RTE, TLE, WA}};
  if (dir == "wrong_answer") e.permitted = {AC, WA}, e.required = {{WA}};
  if (dir == "time_limit_exceeded") e.permitted = {AC, TLE}, e.required = {{TLE}};
  if (dir == "run_time_error") e.permitted = {AC, RTE}, e.required = {{RTE}};
  if (dir == "brute_force") e.permitted = {AC, RTE, TLE}, e.required = {{RTE, TLE}};
  return e;
}

// Kattis's four test verdicts, spelled as Proctor's.
std::vector<Verdict> verdict_list(const fs::path& file, const YAML::Node& node, const std::string& key) {
  if (!node.IsSequence()) throw UserError(file, "\"" + key + "\" must be a list of verdicts");
  std::vector<Verdict> out;
  for (const YAML::Node& item : node) {
    const std::string word = item.IsScalar() ? item.Scalar() : "";
    const std::optional<Verdict> v = verdict_from_string(word);
    if (!v || (*v != Verdict::AC && *v != Verdict::WA && *v != Verdict::TLE && *v != Verdict::RTE)) {
      throw UserError(file,
                      "\"" + key + "\" holds \"" + text::valid_utf8(word) + "\" (expected AC, WA, TLE, RTE)");
    }
    out.push_back(*v);
  }
  return out;
}

// submissions/submissions.yaml: only `permitted` and `required` at the top level of a rule are
// checked; per-test-group rules, scores and messages are noted and left alone.
void apply_submissions_yaml(const PackageFs& files, Exercise& exercise) {
  fs::path file = files.root() / "submissions" / "submissions.yaml";
  if (!files.exists(file)) return;
  YAML::Node doc;
  try {
    doc = YAML::Load(files.read(files.regular_file(file)));
  } catch (const YAML::Exception& e) {
    throw malformed_yaml(file, e);
  }
  if (doc.IsNull()) return;
  if (!doc.IsMap()) throw UserError(file, "top level must be a mapping of globs to rules");
  std::set<std::string> ignored;
  for (const auto& [dir, list] : exercise.submissions) {
    for (const fs::path& path : list) {
      std::string rel = dir + "/" + path.filename().string();
      SubmissionExpectation e = kattis_default(dir);
      bool any = false;
      for (const auto& rule : doc) {
        std::string glob = rule.first.IsScalar() ? rule.first.Scalar() : "";
        if (!glob_matches(glob, rel)) continue;
        if (!rule.second.IsMap())
          throw UserError(file, "rule \"" + text::valid_utf8(glob) + "\" must be a mapping");
        any = true;
        for (const auto& field : rule.second) {
          std::string key = field.first.IsScalar() ? field.first.Scalar() : "";
          if (key == "permitted") {
            std::vector<Verdict> p = verdict_list(file, field.second, key);
            if (glob == dir || e.permitted.empty()) {
              e.permitted = p;  // the directory's own entry replaces the default
            } else {
              std::vector<Verdict> both;
              for (Verdict v : e.permitted)
                if (std::find(p.begin(), p.end(), v) != p.end()) both.push_back(v);
              e.permitted = both;
            }
          } else if (key == "required") {
            if (glob == dir) e.required.clear();
            std::vector<Verdict> r = verdict_list(file, field.second, key);
            if (std::find(e.required.begin(), e.required.end(), r) == e.required.end())
              e.required.push_back(r);
          } else if (key == "language" || key == "entrypoint" || key == "authors" ||
                     key == "model_solution" || key == "use_for_time_limit") {
            // no effect on a verdict
          } else {
            ignored.insert(text::valid_utf8(key));
          }
        }
      }
      if (any) exercise.expectations[path] = e;
    }
  }
  for (const std::string& key : ignored) {
    exercise.notes.push_back(file.string() + ": \"" + key +
                             "\" rules (test groups, score, message) are not checked by Proctor");
  }
}

}  // namespace

void load_submissions(const PackageFs& files, Exercise& exercise) {
  fs::path dir = files.root() / "submissions";
  if (!files.exists(dir)) return;
  const bool kattis = exercise.format == "kattis";
  const auto& verdicts = known_dirs(kattis);
  for (const DirEntry& verdict : files.list(files.directory(dir))) {
    if (verdict.type != fs::file_type::directory && verdict.type != fs::file_type::symlink) {
      if (kattis) continue;  // submissions.yaml, README...
      throw UserError(verdict.path, "is not a directory (submissions go in submissions/<verdict>/)");
    }
    const bool known = verdicts.count(verdict.name) != 0;
    if (!known && !kattis) {
      throw UserError(verdict.path, "unknown submissions directory \"" + verdict.name +
                                        "\" (expected one of " + joined(verdicts) + ")");
    }
    std::vector<fs::path> list;
    std::size_t unused = 0;
    for (const DirEntry& entry : files.list(files.directory(verdict.path))) {
      if (!is_c_source(entry.name)) {
        if (kattis) continue;
        throw UserError(entry.path, "is not a .c file (submissions are single C source files)");
      }
      if (!printable_name(entry.name)) throw UserError(entry.path, "file name is not printable UTF-8");
      fs::path file = files.regular_file(entry.path);
      if (kattis) {
        if (auto e = annotation(entry.path, files.read(file))) {
          exercise.expectations[file] = *e;
        } else if (!known) {
          ++unused;
          continue;
        }
      }
      list.push_back(file);
    }
    if (!list.empty() || known) exercise.submissions[verdict.name] = std::move(list);
    if (unused > 0) {
      exercise.notes.push_back(verdict.path.string() + ": not a verdict directory; " +
                               std::to_string(unused) +
                               " C file(s) without @EXPECTED_RESULTS@ are not validated");
    }
  }
  if (kattis) apply_submissions_yaml(files, exercise);
}

}  // namespace proctor::runner::package
