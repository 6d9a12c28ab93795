#include "session/finish.hpp"

#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"
#include "result/result_file.hpp"
#include "session/final_documents.hpp"
#include "session/frozen.hpp"
#include "session/graded_choice.hpp"
#include "session/lock.hpp"
#include "session/no_submission.hpp"
#include "session/timeline.hpp"

namespace proctor::session {
namespace {

// A missing or unreadable result.json reads as nothing: the next finish writes it whole.
std::optional<runner::GradeResult> read_result(const SessionFiles& files) {
  try {
    return runner::read_result_file(files.result_json());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The caller holds the lock. Order matters for kill -9: result.json and report.html are written
// before session.json says "finished" (and records the grading), so a finished session always has its
// result; a crash before that leaves the session as it was, and the next finish grades again.
FinishOutcome finish_locked(const SessionFiles& files, Grader& grader, const FinishOptions& options) {
  FinishOutcome out;
  out.session = load_session(files);
  Session& s = out.session;
  const bool again = options.submission || options.regrade;
  if (s.finished) {
    if (!again) {
      if (auto stored = read_result(files)) {
        out.result = std::move(*stored);
        out.already_finished = true;
        if (const Graded* g = s.last_grading()) {
          out.graded = g->submission;
          out.choice_warnings = g->warnings;
        } else if (const Submission* last = s.last_on_time()) {
          out.graded = last->n;  // finished before gradings were recorded
        }
        return out;
      }
      // Finished but result.json was removed: grade again, keeping when and how it ended.
    } else {
      out.regraded = true;
    }
  } else {
    Instant at = now();
    s.finished_at = at;
    s.finished_by = s.expired(at) ? "deadline" : "interviewer";
  }

  // A re-grade without a choice grades what was graded last.
  std::optional<int> requested = options.submission;
  if (!requested && out.regraded) {
    if (const Graded* g = s.last_grading()) requested = g->submission;
  }
  const Submission* chosen = choose_submission(files, s, requested);

  OriginalCheck original = check_original_package(s);
  s.package_changed = original.changed;
  out.warning = original.note;
  runner::Exercise exercise = load_frozen_package(files, s);

  if (chosen) {
    out.result = grader.grade(exercise, files.dir / chosen->file, runner::TestSelection::all);
    out.graded = chosen->n;
  } else {
    out.result = no_submission_result(exercise, *s.finished_at, now());
  }
  out.choice_warnings = grading_warnings(files, s, exercise, chosen, out.result);
  Graded graded;
  graded.submission = out.graded;
  graded.chosen = options.submission.has_value();
  graded.regrade = out.regraded;
  graded.verdict = out.result.verdict;
  graded.score = out.result.score;
  graded.warnings = out.choice_warnings;
  s.events.push_back(Event{now(), options.by, graded});
  s.finished = true;
  s.final_verdict = out.result.verdict;
  s.final_score = out.result.score;
  out.result.session = session_record(s);
  write_final_documents(files, s, out.result);
  save_session(files, s);
  return out;
}

}  // namespace

FinishOutcome finish_session(const SessionFiles& files, Grader& grader, const FinishOptions& options) {
  load_session(files);  // a corrupted session is reported before anything waits for the lock
  SessionLock lock(files.lock());
  return finish_locked(files, grader, options);
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
  FinishOptions automatic;
  automatic.by = "deadline";
  // Between the check above and the lock, time may have been extended: look again under the lock.
  Session locked = load_session(files);
  if (locked.finished || !locked.expired(now())) return std::nullopt;
  return finish_locked(files, grader, automatic);
}

void refresh_final_documents(const SessionFiles& files, const Session& session) {
  std::optional<runner::GradeResult> result = read_result(files);
  if (!result) return;  // the next finish writes it whole
  result->session = session_record(session);
  write_final_documents(files, session, *result);
}

}  // namespace proctor::session
