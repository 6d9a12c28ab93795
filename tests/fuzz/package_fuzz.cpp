// libFuzzer target for the package loaders: every input must end in a loaded package or a UserError
// whose message is one line of valid UTF-8, never another exception (exit 3 in the CLI), a crash or a
// hang. The first byte picks what the rest becomes:
//   0 exercise.json   1 problem.yaml   2 a test's file name   3 submissions/submissions.yaml
//   4 a DOMjudge submission (its @EXPECTED_RESULTS@)   5 data/test_group.yaml
//   6 a group's data/secret/g/testdata.yaml (under data/testdata.yaml)   7 a test's own data/secret/1.yaml
// A fresh package is written for every input in one temporary directory per process.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;
using namespace proctor::runner;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

const fs::path& base() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "proctor-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    return fs::path(pattern);
  }();
  return dir;
}

// A valid package of the given format, before the fuzzed part replaces one of its files.
fs::path fresh_package(bool proctor_format) {
  const fs::path root = base() / "fuzzpkg";
  std::error_code ec;
  fs::remove_all(root, ec);
  if (proctor_format) {
    write(root / "exercise.json", R"({"id": "fuzzpkg", "title": "F"})");
    write(root / "statement.md", "# F\n");
  } else {
    write(root / "problem.yaml", "name: F\n");
  }
  write(root / "data/sample/1.in", "1\n");
  write(root / "data/sample/1.ans", "1\n");
  write(root / "data/secret/1.in", "2\n");
  write(root / "data/secret/1.ans", "2\n");
  write(root / "submissions/accepted/a.c", "int main(void) { return 0; }\n");
  return root;
}

void check_message(const std::string& message) {
  if (message.find('\n') != std::string::npos) std::abort();        // one line
  if (proctor::text::valid_utf8(message) != message) std::abort();  // printable as it is
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int target = data[0] % 8;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const fs::path root = fresh_package(target == 0);
  switch (target) {
    case 0:
      write(root / "exercise.json", text);
      break;
    case 1:
      write(root / "problem.yaml", text);
      break;
    case 2: {
      // A file name: no '/' or NUL (the file system refuses them), at most 200 bytes.
      std::string name;
      for (char c : text.substr(0, 200)) name += (c == '/' || c == '\0') ? '_' : c;
      if (name.empty() || name == "." || name == "..") return 0;
      write(root / "data/secret" / (name + ".in"), "3\n");
      write(root / "data/secret" / (name + ".ans"), "3\n");
      break;
    }
    case 3:
      write(root / "submissions/submissions.yaml", text);
      break;
    case 4:
      write(root / "submissions/multiple/x.c", text);
      break;
    case 5:
      write(root / "data/test_group.yaml", text);
      break;
    case 6:
      // A group's settings inherit from data/'s, and the group holds a test of its own.
      write(root / "data/testdata.yaml", "output_validator_flags: case_sensitive\naccept_score: 2\n");
      write(root / "data/secret/g/1.in", "1\n");
      write(root / "data/secret/g/1.ans", "1\n");
      write(root / "data/secret/g/testdata.yaml", text);
      break;
    case 7:
      write(root / "problem.yaml", "problem_format_version: 2023-07\n");
      write(root / "data/secret/1.yaml", text);
      break;
  }
  try {
    Exercise e = load_exercise(root);
    check_message(e.title);
    for (const std::string& note : e.notes) check_message(note);
  } catch (const UserError& error) {
    check_message(error.what());
  }
  // Anything else (InternalError, nlohmann or yaml-cpp exceptions, std::bad_alloc) escapes: a finding.
  return 0;
}
