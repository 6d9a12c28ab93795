// submissions/<expected verdict>/*.c: reference solutions the package author expects to get that
// verdict; `proctor exercise validate` grades them. Only C is graded; Kattis packages often carry other
// languages too, which are skipped there but are a mistake in a Proctor package.
#include <set>

#include "package/loader.hpp"
#include "proctor/runner/error.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

const std::set<std::string>& known_verdicts(const std::string& format) {
  static const std::set<std::string> kProctor = {
      "accepted",       "wrong_answer",  "time_limit_exceeded",  "memory_limit_exceeded",
      "run_time_error", "compile_error", "output_limit_exceeded"};
  static const std::set<std::string> kKattis = [] {
    std::set<std::string> all = kProctor;
    all.insert({"partially_accepted", "rejected", "brute_force"});
    return all;
  }();
  return format == "kattis" ? kKattis : kProctor;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

std::map<std::string, std::vector<fs::path>> load_submissions(const PackageFs& files,
                                                              const std::string& format) {
  std::map<std::string, std::vector<fs::path>> out;
  fs::path dir = files.root() / "submissions";
  if (!files.exists(dir)) return out;
  const auto& verdicts = known_verdicts(format);
  bool kattis = format == "kattis";
  for (const DirEntry& verdict : files.list(files.directory(dir))) {
    if (!verdicts.count(verdict.name)) {
      throw UserError(verdict.path, "unknown submissions directory \"" + verdict.name +
                                        "\" (expected one of " + joined(verdicts) + ")");
    }
    std::vector<fs::path>& list = out[verdict.name];
    for (const DirEntry& entry : files.list(files.directory(verdict.path))) {
      bool c_source = entry.name.size() > 2 && entry.name.compare(entry.name.size() - 2, 2, ".c") == 0;
      if (!c_source) {
        if (kattis) continue;
        throw UserError(entry.path, "is not a .c file (submissions are single C source files)");
      }
      if (!printable_name(entry.name)) throw UserError(entry.path, "file name is not printable UTF-8");
      list.push_back(files.regular_file(entry.path));
    }
  }
  return out;
}

}  // namespace proctor::runner::package
