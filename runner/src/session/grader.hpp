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
  ~Grader();
  Grader(const Grader&) = delete;
  Grader& operator=(const Grader&) = delete;

  runner::GradeResult grade(const runner::Exercise& exercise, const std::filesystem::path& submission,
                            runner::TestSelection tests);

 private:
  std::unique_ptr<sandbox::Sandbox> sandbox_;
};

}  // namespace proctor::session
