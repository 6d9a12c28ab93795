#include "session/grader.hpp"

#include "proctor/sandbox/launch.hpp"
#include "session/paths.hpp"

namespace proctor::session {

Grader::Grader() = default;
Grader::Grader(sandbox::Sandbox& shared) : sandbox_(&shared) {}
Grader::~Grader() = default;

runner::GradeResult Grader::grade(const runner::Exercise& exercise, const std::filesystem::path& submission,
                                  runner::TestSelection tests) {
  if (!sandbox_) {
    owned_ = std::make_unique<sandbox::Sandbox>();
    sandbox_ = owned_.get();
  }
  runner::GradeOptions options;
  options.tests = tests;
  options.submission_name = kSolutionName;
  // The final grade of a session carries the signals when the exercise asks; sample runs never do.
  options.signals = tests == runner::TestSelection::all && exercise.signals.every_session;
  return runner::grade(*sandbox_, exercise, submission, options);
}

}  // namespace proctor::session
