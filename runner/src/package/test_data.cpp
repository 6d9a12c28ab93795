// data/sample and data/secret: every .in needs a .ans and vice versa; a <name>.desc beside them is the
// test's description (Kattis's convention); other files (.png, .hint, testdata.yaml) are ignored.
// Subdirectories of data/secret are test groups.
#include <algorithm>
#include <map>

#include "package/loader.hpp"
#include "proctor/runner/error.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

// Symlinked directories are followed (they are checked to stay inside), so a loop must end somewhere.
constexpr int kMaxDepth = 16;

struct Pair {
  fs::path input;  // as listed, for messages
  fs::path answer;
  fs::path description;  // <stem>.desc, optional
};

constexpr std::size_t kMaxDescriptionBytes = 300;

// A .desc file as one line for the report: white space runs folded, control characters and invalid
// UTF-8 made visible (one_line), cut at a character boundary.
std::string read_description(const PackageFs& files, const fs::path& path) {
  std::string raw = files.read(files.regular_file(path));
  std::string folded;
  for (char c : raw) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += c;
    }
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  std::string line = one_line(folded);
  if (line.size() > kMaxDescriptionBytes) {
    std::size_t cut = kMaxDescriptionBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xc0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return line;
}

bool ends_with(const std::string& name, const std::string& suffix) {
  return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void walk(const PackageFs& files, const fs::path& dir, const std::string& group, Visibility visibility,
          int depth, std::vector<TestCase>& out) {
  if (depth > kMaxDepth) throw UserError(dir, "directories nested too deep (a symbolic link loop?)");
  std::map<std::string, Pair> pairs;
  std::map<std::string, fs::path> descriptions;  // a .desc without its test is ignored, as other files are
  for (const DirEntry& entry : files.list(dir)) {
    bool is_dir = entry.type == fs::file_type::directory ||
                  (entry.type == fs::file_type::symlink && fs::is_directory(files.resolve(entry.path)));
    if (is_dir) {
      if (visibility == Visibility::sample) {
        throw UserError(entry.path,
                        "subdirectories are not allowed in data/sample (groups are for data/secret)");
      }
      if (!printable_name(entry.name)) throw UserError(entry.path, "directory name is not printable UTF-8");
      walk(files, files.directory(entry.path), group + "/" + entry.name, visibility, depth + 1, out);
      continue;
    }
    if (ends_with(entry.name, ".in")) {
      pairs[entry.name.substr(0, entry.name.size() - 3)].input = entry.path;
    } else if (ends_with(entry.name, ".ans")) {
      pairs[entry.name.substr(0, entry.name.size() - 4)].answer = entry.path;
    } else if (ends_with(entry.name, ".desc")) {
      descriptions[entry.name.substr(0, entry.name.size() - 5)] = entry.path;
    }
  }
  for (const auto& [stem, pair] : pairs) {
    if (pair.answer.empty()) throw UserError(pair.input, "has no matching .ans file");
    if (pair.input.empty()) throw UserError(pair.answer, "has no matching .in file");
    if (!printable_name(stem)) throw UserError(pair.input, "file name is not printable UTF-8");
    TestCase test;
    test.name = group + "/" + stem;
    test.group = group;
    test.visibility = visibility;
    // Resolved paths: the grader opens real files and never walks a symlink itself.
    test.input = files.regular_file(pair.input);
    test.answer = files.regular_file(pair.answer);
    if (auto d = descriptions.find(stem); d != descriptions.end())
      test.description = read_description(files, d->second);
    out.push_back(std::move(test));
  }
}

}  // namespace

std::vector<TestCase> load_tests(const PackageFs& files, Visibility visibility) {
  bool sample = visibility == Visibility::sample;
  // Only data/<kind> is touched: with secrets excluded, data/secret is never opened, listed or stat'ed.
  fs::path dir = files.root() / "data" / (sample ? "sample" : "secret");
  std::vector<TestCase> tests;
  // Kattis does not require samples, so neither does Proctor: practice then has nothing to run and says
  // so, and `exercise validate` notes it.
  if (!files.exists(dir)) return tests;
  walk(files, files.directory(dir), sample ? "sample" : "secret", visibility, 0, tests);
  std::sort(tests.begin(), tests.end(), [](const TestCase& a, const TestCase& b) { return a.name < b.name; });
  return tests;
}

}  // namespace proctor::runner::package
