#pragma once
// Proctor's main job: compile a submission, run the selected tests in the sandbox, check, and build
// the JSON result (docs/result.schema.json).
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "proctor/runner/exercise.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

enum class TestSelection { sample, all };

struct TestProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::string last_test;
  std::string last_verdict;
};

struct GradeOptions {
  TestSelection tests = TestSelection::all;
  unsigned jobs = 0;  // 0: one per core
  bool fail_fast = false;
  std::function<void(const TestProgress&)> on_progress;  // called from the grading thread(s), serialised
};

// Returns the result document ("schema": "proctor-result/1"). Throws UserError for a bad submission
// (missing, unreadable, empty, binary) and InternalError when Proctor itself cannot work.
nlohmann::json grade(sandbox::Sandbox& sandbox, const Exercise& exercise, const std::filesystem::path& submission,
                     const GradeOptions& options);

}  // namespace proctor::runner
