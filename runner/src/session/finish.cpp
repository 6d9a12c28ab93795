#include "session/finish.hpp"

#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"
#include "report/report.hpp"
#include "result/result_file.hpp"
#include "session/frozen.hpp"
#include "session/lock.hpp"
#include "session/no_submission.hpp"
#include "session/timeline.hpp"

namespace proctor::session {
namespace {

void write_final_documents(const SessionFiles& files, const runner::GradeResult& result) {
  runner::write_result_file(files.result_json(), result);
  fs::atomic_write(files.report_html(), report::render(result, report::Format::html));
}

// A missing or unreadable result.json reads as nothing: the next finish writes it whole.
std::optional<runner::GradeResult> read_result(const SessionFiles& files) {
  try {
    return runner::read_result_file(files.result_json());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The caller holds the lock. Order matters for kill -9: result.json and report.html are written
// before session.json says "finished", so a finished session always has its result; a crash before
// that leaves an open session that the next finish grades again.
FinishOutcome finish_locked(const SessionFiles& files, Grader& grader) {
  FinishOutcome out;
  out.session = load_session(files);
  Session& s = out.session;
  if (s.finished) {
    if (auto stored = read_result(files)) {
      out.result = std::move(*stored);
      out.already_finished = true;
      return out;
    }
    // Finished but result.json was removed: grade again, keeping when and how it ended.
  } else {
    Instant at = now();
    s.finished_at = at;
    s.finished_by = s.expired(at) ? "deadline" : "interviewer";
  }

  OriginalCheck original = check_original_package(s);
  s.package_changed = original.changed;
  out.warning = original.note;
  runner::Exercise exercise = load_frozen_package(files, s);

  const Submission* last = s.last_on_time();
  if (last) {
    out.result = grader.grade(exercise, files.dir / last->file, runner::TestSelection::all);
  } else {
    out.result = no_submission_result(exercise, *s.finished_at, now());
  }
  s.finished = true;
  s.final_verdict = out.result.verdict;
  s.final_score = out.result.score;
  out.result.session = session_record(s);
  write_final_documents(files, out.result);
  save_session(files, s);
  return out;
}

}  // namespace

FinishOutcome finish_session(const SessionFiles& files, Grader& grader) {
  load_session(files);  // a corrupted session is reported before anything waits for the lock
  SessionLock lock(files.lock());
  return finish_locked(files, grader);
}

std::optional<FinishOutcome> finish_if_expired(const SessionFiles& files, Grader& grader, bool wait) {
  Session s = load_session(files);
  if (s.finished || !s.expired(now())) return std::nullopt;
  std::unique_ptr<SessionLock> lock;
  if (wait) {
    lock = std::make_unique<SessionLock>(files.lock());
  } else {
    lock = SessionLock::try_lock(files.lock());
    if (!lock) return std::nullopt;
  }
  return finish_locked(files, grader);
}

void refresh_final_documents(const SessionFiles& files, const Session& session) {
  std::optional<runner::GradeResult> result = read_result(files);
  if (!result) return;  // the next finish writes it whole
  result->session = session_record(session);
  write_final_documents(files, *result);
}

}  // namespace proctor::session
