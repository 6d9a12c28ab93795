// `proctor exercise validate` on every package under exercises/, one test each, found at run time so
// that a new exercise is covered without touching this file. Slow by nature: every submission runs,
// and time_limit_exceeded ones run to 1.5 x their limit.
//
// The suite cannot pass by finding nothing: with no package, gtest reports the uninstantiated suite as
// a failing test, and every directory under exercises/ must be a package (so a renamed exercise.json
// is an error, not a silently skipped exercise).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kExercises = fs::path(PROCTOR_SOURCE_DIR) / "exercises";

bool is_package(const fs::path& dir) {
  return fs::exists(dir / "exercise.json") || fs::exists(dir / "problem.yaml");
}

std::vector<std::string> bundled_exercises() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kExercises, ec)) {
    if (is_package(entry.path())) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(BundledExercises, EveryDirectoryIsAPackage) {
  std::error_code ec;
  std::size_t directories = 0;
  for (const auto& entry : fs::directory_iterator(kExercises, ec)) {
    if (!entry.is_directory()) continue;
    ++directories;
    EXPECT_TRUE(is_package(entry.path())) << entry.path() << " has neither exercise.json nor problem.yaml";
  }
  ASSERT_FALSE(ec) << kExercises << ": " << ec.message();
  EXPECT_GT(directories, 0u) << "no exercise under " << kExercises;
}

class BundledExercise : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledExercise, Validates) {
  const fs::path dir = fs::path(PROCTOR_SOURCE_DIR) / "exercises" / GetParam();
  const std::string command =
      std::string(PROCTOR_BINARY) + " exercise validate --jobs 2 '" + dir.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  const int status = pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status)) << output;
  EXPECT_EQ(WEXITSTATUS(status), 0) << output;
  std::printf("%s", output.c_str());  // the table is worth seeing in the ctest log even on success
}

// gtest names allow only [A-Za-z0-9_].
std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

// No GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST: an empty list must fail.
INSTANTIATE_TEST_SUITE_P(Exercises, BundledExercise, ::testing::ValuesIn(bundled_exercises()), test_name);

}  // namespace
