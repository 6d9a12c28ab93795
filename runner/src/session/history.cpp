#include "session/history.hpp"

#include <algorithm>

#include "session/run_log.hpp"

namespace proctor::session {

using nlohmann::json;

std::vector<HistoryItem> session_history(const SessionFiles& files, const Session& s) {
  std::vector<HistoryItem> items;
  items.push_back({s.started_at, HistoryKind::start, {}, {}, {}, {}});
  for (const DraftFile& d : list_draft_files(files))
    items.push_back({d.saved_at, HistoryKind::draft, d, {}, {}, {}});
  for (const runner::RunRecord& r : read_runs(files))
    items.push_back({r.at, HistoryKind::run, {}, r, {}, {}});
  for (const Submission& sub : s.submissions)
    items.push_back({sub.submitted_at, HistoryKind::submission, {}, {}, sub, {}});
  for (const Event& e : s.events) {
    HistoryKind kind = std::holds_alternative<TimeExtended>(e.what) ? HistoryKind::extend
                       : std::holds_alternative<NoteAdded>(e.what)  ? HistoryKind::note
                                                                    : HistoryKind::grade;
    items.push_back({e.at, kind, {}, {}, {}, e});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const HistoryItem& a, const HistoryItem& b) { return a.at < b.at; });
  return items;
}

}  // namespace proctor::session
