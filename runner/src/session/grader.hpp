#pragma once
// One sandbox per command invocation, built only when something is really graded: `status` or `list`
// on sessions that need no grading never pay for the sandbox's probes.
#include <filesystem>
#include <memory>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::session {

class Grader {
 public:
  Grader();
  // Grades with a sandbox the caller owns and keeps alive (the server's run workers each own one).
  explicit Grader(sandbox::Sandbox& shared);
  ~Grader();
  Grader(const Grader&) = delete;
  Grader& operator=(const Grader&) = delete;

  runner::GradeResult grade(const runner::Exercise& exercise, const std::filesystem::path& submission,
                            runner::TestSelection tests);

 private:
  std::unique_ptr<sandbox::Sandbox> owned_;
  sandbox::Sandbox* sandbox_ = nullptr;
};

}  // namespace proctor::session
