#include "session/report_extras.hpp"

#include "execute/submission.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/exercise.hpp"
#include "session/draft_files.hpp"
#include "session/history.hpp"
#include "session/run_log.hpp"

namespace proctor::session {

report::SessionExtras report_extras(const SessionFiles& files, const Session& s) {
  report::SessionExtras x;
  for (const Submission& sub : s.submissions) {
    std::string text;
    try {
      text = fs::read_file(files.dir / sub.file, runner::kMaxSubmissionBytes);
    } catch (const std::exception&) {
      continue;  // a snapshot gone missing: the rest of the report still stands
    }
    x.submissions.push_back({sub.n, sub.submitted_at, sub.late, std::move(text)});
  }
  for (const DraftFile& d : list_draft_files(files)) x.drafts.push_back({d.n, d.saved_at, d.bytes});
  x.runs = read_runs(files);
  return x;
}

std::optional<report::SessionExtras> extras_beside(const std::filesystem::path& result_file,
                                                   const runner::GradeResult& result) {
  if (!result.session) return std::nullopt;
  SessionFiles files{std::filesystem::absolute(result_file).parent_path()};
  try {
    Session s = load_session(files);
    if (s.id != result.session->id) return std::nullopt;
    return report_extras(files, s);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace proctor::session
