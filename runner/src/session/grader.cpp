#include "session/grader.hpp"

#include "proctor/sandbox/launch.hpp"

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
  return runner::grade(*sandbox_, exercise, submission, options);
}

}  // namespace proctor::session
