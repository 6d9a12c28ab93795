#pragma once
// The test files of a package as they are on disk, before (and whether or not) the loader accepts them.
#include <filesystem>
#include <vector>

namespace proctor::authoring {

struct TestFiles {
  std::vector<std::filesystem::path> inputs_without_answer;  // x.in with no x.ans
  std::vector<std::filesystem::path> answers_without_input;  // x.ans with no x.in
};

// Walks data/sample and data/secret of `root` (a canonical package directory), sorted by path.
TestFiles scan_test_files(const std::filesystem::path& root);

}  // namespace proctor::authoring
