#include "session/submit.hpp"

#include <cstdio>

#include "execute/submission.hpp"
#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "session/finish.hpp"
#include "session/frozen.hpp"
#include "session/lock.hpp"

namespace proctor::session {
namespace {

std::string snapshot_name(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "submissions/%03d.c", n);
  return buf;
}

// A snapshot left by a submit killed before session.json recorded it is never reused: numbers only grow.
int free_number(const SessionFiles& files, const Session& session) {
  int n = session.next_number();
  while (std::filesystem::exists(files.dir / snapshot_name(n))) ++n;
  return n;
}

void check_content(const std::filesystem::path& file, const std::string& content) {
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw runner::UserError(file, "the submission is empty; nothing was submitted");
  }
  if (content.find('\0') != std::string::npos) {
    throw runner::UserError(file, "the submission is not text (contains NUL bytes); nothing was submitted");
  }
}

void record_sample_result(Submission& entry, const runner::GradeResult& result) {
  const runner::SampleCount samples = runner::count_samples(result);
  entry.sample_passed = samples.passed;
  entry.sample_total = samples.total;
  entry.verdict = result.verdict;
}

}  // namespace

SubmitOutcome submit(const SessionFiles& files, const std::filesystem::path& file, Grader& grader,
                     std::optional<Instant> received_at) {
  Instant received = received_at ? *received_at : now();
  std::string content = fs::read_file(file, runner::kMaxSubmissionBytes);
  check_content(file, content);
  std::string sha = runner::sha256_hex(content);

  SessionLock lock(files.lock());
  SubmitOutcome out;
  out.session = load_session(files);
  Session& s = out.session;
  std::error_code ec;
  std::filesystem::create_directories(files.submissions(), ec);

  Submission entry;
  entry.n = free_number(files, s);
  entry.file = snapshot_name(entry.n);
  entry.submitted_at = received;
  entry.sha256 = sha;
  entry.bytes = content.size();
  entry.late = s.finished || s.expired(received);
  // The snapshot is written before session.json names it: a crash in between leaves an unreferenced
  // file, never a reference to a missing one.
  fs::atomic_write(files.dir / entry.file, content);

  if (entry.late) {
    s.submissions.push_back(entry);
    save_session(files, s);
    if (s.finished) refresh_final_documents(files, s);
    out.entry = entry;
    out.refused = true;
    out.refusal = s.finished && s.finished_by == "interviewer" && !s.expired(received)
                      ? "the session was finished by the interviewer at " +
                            local_time_of_day(*s.finished_at) + "; submission " + std::to_string(entry.n) +
                            " was recorded as late and not graded"
                      : "the deadline (" + local_time_of_day(s.deadline) + ") has passed; submission " +
                            std::to_string(entry.n) + " was recorded as late and not graded";
    return out;
  }

  // Recorded before grading: a kill -9 during grading leaves an on-time submission without sample
  // results, which finish still grades.
  s.submissions.push_back(entry);
  save_session(files, s);
  auto update = [&](const Submission& e) {
    s.submissions.back() = e;
    save_session(files, s);
  };
  try {
    runner::Exercise exercise = load_frozen_package(files, s);
    out.result = grader.grade(exercise, files.dir / entry.file, runner::TestSelection::sample);
    record_sample_result(entry, *out.result);
  } catch (const runner::UserError& e) {
    entry.error = e.what();
    update(entry);
    throw;
  } catch (const std::exception& e) {
    entry.error = e.what();
    entry.verdict = runner::Verdict::JE;
    update(entry);
    throw;
  }
  update(entry);
  out.entry = entry;
  return out;
}

}  // namespace proctor::session
