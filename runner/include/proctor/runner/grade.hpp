#pragma once
// Proctor's main job: compile a submission, run the selected tests in the sandbox, check, and return
// the typed result (result.hpp; written as docs/result.schema.json by result_json.hpp).
#include <filesystem>
#include <functional>
#include <string>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

enum class TestSelection { sample, all };

struct TestProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::string last_test;
  Verdict last_verdict = Verdict::skipped;
};

struct GradeOptions {
  TestSelection tests = TestSelection::all;
  unsigned jobs = 0;  // 0: one per core
  bool fail_fast = false;
  // Collect interview signals after grading (docs/signals.md); they never change the verdict.
  bool signals = false;
  // The name the candidate knows the submission by, which compiler messages and findings show
  // (Submission::name); empty: the path as given (name_as_given).
  std::string submission_name;
  std::function<void(const TestProgress&)> on_progress;  // called from the grading thread(s), serialised
};

// Throws UserError for a bad submission (missing, unreadable, empty, binary) and InternalError when
// Proctor itself cannot work. A judge failure while grading is a result with verdict JE, not a throw.
GradeResult grade(sandbox::Sandbox& sandbox, const Exercise& exercise,
                  const std::filesystem::path& submission, const GradeOptions& options);

// What every result of `exercise` shares, whether or not anything ran: exercise, limits, the score's
// total and maximum over `tests`, the runner's version. Verdict JE until someone decides.
GradeResult result_frame(const Exercise& exercise, const std::vector<TestCase>& tests);

}  // namespace proctor::runner
