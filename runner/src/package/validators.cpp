// A custom checker is an output validator in Kattis style: output_validators/<name>/ with C or C++
// sources (built and run in the sandbox's checker profile by the grader).
#include "package/loader.hpp"
#include "proctor/runner/error.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

bool is_source(const std::string& name) {
  for (const char* ext : {".c", ".cc", ".cpp"}) {
    std::string suffix = ext;
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

bool has_extension(const std::string& name, std::initializer_list<const char*> extensions) {
  for (const char* ext : extensions) {
    std::string suffix = ext;
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

}  // namespace

// What a validator that is not C or C++ is written in, for the error naming it; empty when unknown.
std::string language_of(const PackageFs& files, const DirEntry& entry, bool is_dir) {
  std::vector<std::string> names;
  if (is_dir) {
    for (const DirEntry& file : files.list(files.directory(entry.path))) names.push_back(file.name);
  } else {
    names.push_back(entry.name);
  }
  for (const std::string& name : names) {
    if (has_extension(name, {".py"})) return "Python (" + name + ")";
    if (has_extension(name, {".ctd"})) return "checktestdata (" + name + ")";
    if (has_extension(name, {".viva"})) return "VIVA (" + name + ")";
    if (has_extension(name, {".java", ".kt"})) return "a JVM language (" + name + ")";
    if (has_extension(name, {".sh"}) || name == "build" || name == "run") return "a script (" + name + ")";
  }
  return "";
}

// input_validators/<name>/ (a directory of C/C++ sources) or input_validators/<name>.c|.cc|.cpp (a
// one-file program); input_format_validators/ is the legacy format's older name for the same. A validator
// in another language is recorded as unsupported: `validate` reports it (the inputs would go unchecked),
// grading does not need it.
void load_input_validators(const PackageFs& files, Exercise& exercise) {
  for (const char* dir_name : {"input_validators", "input_format_validators"}) {
    fs::path base = files.root() / dir_name;
    if (!files.exists(base)) continue;
    for (const DirEntry& entry : files.list(files.directory(base))) {
      bool is_dir = entry.type == fs::file_type::directory ||
                    (entry.type == fs::file_type::symlink && fs::is_directory(files.resolve(entry.path)));
      InputValidator v;
      // A one-file validator is named by its stem, as Kattis names the program (input_validator_args
      // maps those names to arguments).
      v.name = is_dir ? entry.name : fs::path(entry.name).stem().string();
      if (is_dir) {
        v.dir = files.directory(entry.path);
        for (const DirEntry& file : files.list(v.dir)) {
          if (is_source(file.name)) v.sources.push_back(files.regular_file(file.path));
        }
      } else if (is_source(entry.name)) {
        v.sources.push_back(files.regular_file(entry.path));
        v.dir = v.sources.back().parent_path();
      }
      if (v.sources.empty()) {
        if (!is_dir && !has_extension(entry.name, {".py", ".ctd", ".viva", ".java", ".sh", ".kt"}))
          continue;  // a README or a header beside one-file validators
        v.dir = entry.path;
        std::string language = language_of(files, entry, is_dir);
        v.unsupported = (language.empty() ? "input validator without C or C++ sources"
                                          : "input validator written in " + language) +
                        ": Proctor builds C and C++ validators only, so the test inputs go unchecked";
      }
      exercise.input_validators.push_back(std::move(v));
    }
  }
}

void resolve_validator(const PackageFs& files, const Metadata& meta, CheckerSpec& checker) {
  if (checker.type != "custom") return;
  fs::path base = files.root() / "output_validators";
  fs::path single = files.root() / "output_validator";  // 2023-07: one validator, no name
  if (!files.exists(base) && files.exists(single)) base = single.parent_path();
  if (!files.exists(base))
    throw UserError(base, "missing: checker type \"custom\" needs an output validator here");
  fs::path chosen;
  if (!meta.validator.empty()) {
    chosen = base / meta.validator;
    if (!files.exists(chosen)) {
      throw UserError(chosen,
                      "missing: the validator named in " + meta.file.filename().string() + " does not exist");
    }
  } else if (base == single.parent_path()) {
    chosen = single;
  } else {
    std::vector<fs::path> dirs;
    for (const DirEntry& entry : files.list(files.directory(base))) {
      if (entry.type == fs::file_type::directory || entry.type == fs::file_type::symlink)
        dirs.push_back(entry.path);
    }
    std::vector<DirEntry> programs;  // one-file validators directly in base (legacy Kattis allows them)
    for (const DirEntry& entry : files.list(files.directory(base))) {
      if (entry.type == fs::file_type::regular &&
          (is_source(entry.name) ||
           has_extension(entry.name, {".py", ".ctd", ".viva", ".java", ".sh", ".kt"})))
        programs.push_back(entry);
    }
    if (dirs.empty() && programs.size() == 1) {
      if (!is_source(programs.front().name))
        throw UserError(programs.front().path,
                        "output validator written in " + language_of(files, programs.front(), false) +
                            ": Proctor builds C and C++ validators only (.c, .cc or .cpp)");
      dirs.push_back(base);  // built as a directory holding one program
    }
    if (dirs.empty() && programs.empty())
      throw UserError(base, "no validator directory: checker type \"custom\" needs one");
    const std::size_t count = dirs.empty() ? programs.size() : dirs.size();
    if (count > 1) {
      throw UserError(base, "holds " + std::to_string(count) +
                                " validators; name one with checker.validator in " +
                                meta.file.filename().string());
    }
    chosen = dirs.front();
  }
  fs::path resolved = files.directory(chosen);
  bool has_source = false;
  for (const DirEntry& entry : files.list(resolved)) {
    if (is_source(entry.name)) {
      files.regular_file(entry.path);  // inside the package and of sane size
      has_source = true;
    }
  }
  if (!has_source) {
    std::string language = language_of(files, DirEntry{chosen.filename().string(), chosen, {}}, true);
    if (language.empty()) throw UserError(chosen, "no validator sources (.c, .cc or .cpp files)");
    throw UserError(chosen, "output validator written in " + language +
                                ": Proctor builds C and C++ validators only (.c, .cc or .cpp)");
  }
  checker.custom_dir = resolved;
}

}  // namespace proctor::runner::package
