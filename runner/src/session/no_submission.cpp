#include "session/no_submission.hpp"

#include "proctor/runner/grade.hpp"

namespace proctor::session {

runner::GradeResult no_submission_result(const runner::Exercise& exercise, Instant started,
                                         Instant finished) {
  std::vector<runner::TestCase> tests = exercise.samples;
  tests.insert(tests.end(), exercise.secrets.begin(), exercise.secrets.end());
  runner::GradeResult r = runner::result_frame(exercise, tests);
  r.verdict = runner::Verdict::NS;
  // The empty submission: nothing was received, so its hash is the hash of nothing.
  r.submission = {"", runner::sha256_hex(""), 0};
  // Nothing was compiled; the compile block keeps its schema (status "CE") and says why.
  r.compile.status = runner::CompileStatus::CE;
  r.compile.output = "no submission: the candidate submitted nothing before the session ended";
  // Nothing ran, so no isolation layer was used: the default Layers claim none. No test is listed;
  // the score still counts every test as failed. No compiler ran either.
  r.started_at = started;
  r.finished_at = finished;
  return r;
}

}  // namespace proctor::session
