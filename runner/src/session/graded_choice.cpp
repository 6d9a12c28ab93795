#include "session/graded_choice.hpp"

#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "session/draft_files.hpp"

namespace proctor::session {
namespace {

bool choice_passed_samples(const Submission& s) {
  return runner::passed_every_sample(s.late, s.sample_passed, s.sample_total);
}

std::string choice_samples(const Submission& s) {
  return std::to_string(s.sample_passed.value_or(0)) + "/" + std::to_string(s.sample_total.value_or(0));
}

std::optional<std::string> choice_file_sha(const std::filesystem::path& file) {
  try {
    return runner::file_sha256(file);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string choice_graded_name(const Submission* graded) {
  return graded ? "the graded submission #" + std::to_string(graded->n) : "the graded (empty) submission";
}

}  // namespace

const Submission* choose_submission(const SessionFiles& files, const Session& s,
                                    std::optional<int> requested) {
  if (!requested) return s.last_on_time();
  const Submission* chosen = s.find(*requested);
  if (!chosen) {
    throw runner::UserError(files.session_json(), "there is no submission " + std::to_string(*requested) +
                                                      " (the session has " +
                                                      std::to_string(s.submissions.size()) + ")");
  }
  if (chosen->late) {
    throw runner::UserError(files.session_json(), "submission " + std::to_string(*requested) +
                                                      " was late; only on-time submissions can be graded");
  }
  return chosen;
}

std::vector<std::string> grading_warnings(const SessionFiles& files, const Session& s,
                                          const runner::Exercise& exercise, const Submission* graded,
                                          const runner::GradeResult& result) {
  std::vector<std::string> out;
  if (graded && result.compile.status != runner::CompileStatus::OK) {
    // The latest earlier submission that passed every sample: the one the interviewer most likely wants.
    const Submission* good = nullptr;
    for (const Submission& e : s.submissions) {
      if (e.n != graded->n && e.submitted_at <= graded->submitted_at && choice_passed_samples(e) &&
          (!good || e.submitted_at >= good->submitted_at))
        good = &e;
    }
    if (good) {
      out.push_back("the graded submission #" + std::to_string(graded->n) +
                    " does not compile, but the earlier submission #" + std::to_string(good->n) + " passed " +
                    choice_samples(*good) + " samples; `proctor session finish " + s.id + " --submission " +
                    std::to_string(good->n) + "` grades it instead");
    }
  }
  const std::string graded_sha = graded ? graded->sha256 : runner::sha256_hex("");
  const Instant graded_at = graded ? graded->submitted_at : s.started_at;
  for (const Submission& e : s.submissions) {
    if (graded && e.n == graded->n) continue;
    if (e.submitted_at > graded_at && e.sha256 != graded_sha) {
      out.push_back("submission #" + std::to_string(e.n) + " (" + local_time_of_day(e.submitted_at) +
                    (e.late ? ", late" : "") + ") is later than " + choice_graded_name(graded) +
                    " and differs from it");
    }
  }
  std::vector<DraftFile> drafts = list_draft_files(files);
  if (!drafts.empty()) {
    const DraftFile& newest = drafts.back();
    std::optional<std::string> sha = choice_file_sha(newest.file);
    if (sha && *sha != graded_sha && newest.saved_at > graded_at) {
      out.push_back("the newest draft (#" + std::to_string(newest.n) + ", saved " +
                    local_time_of_day(newest.saved_at) + ") differs from " + choice_graded_name(graded) +
                    ": the candidate's last edits were not submitted");
    }
  } else if (std::optional<std::string> sha = choice_file_sha(files.solution());
             sha && *sha != graded_sha && graded &&
             (exercise.starter.empty() ||
              sha != choice_file_sha(exercise.starter))) {  // an untouched starter is no edit
    out.push_back("the workspace's solution.c differs from " + choice_graded_name(graded) +
                  ": the candidate's last edits were not submitted");
  }
  return out;
}

}  // namespace proctor::session
