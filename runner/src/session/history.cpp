#include "session/history.hpp"

#include <algorithm>
#include <fstream>

namespace proctor::session {

using nlohmann::json;

std::vector<RunLine> list_runs(const SessionFiles& files) {
  std::vector<RunLine> out;
  std::ifstream in(files.dir / "runs.jsonl");
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("at") || !j["at"].is_string()) continue;  // a line torn by a crash
    try {
      RunLine r;
      r.at = from_iso(j["at"].get<std::string>());
      r.kind = j.value("kind", "samples");
      if (j.contains("verdict") && j["verdict"].is_string())
        r.verdict = runner::verdict_from_string(j["verdict"].get<std::string>());
      if (j.contains("sample_passed") && j["sample_passed"].is_number_integer())
        r.sample_passed = j["sample_passed"].get<int>();
      if (j.contains("sample_total") && j["sample_total"].is_number_integer())
        r.sample_total = j["sample_total"].get<int>();
      if (j.contains("status") && j["status"].is_string()) r.status = j["status"].get<std::string>();
      out.push_back(r);
    } catch (const std::exception&) {
      // an unreadable line is skipped, like a torn one
    }
  }
  return out;
}

std::vector<HistoryItem> session_history(const SessionFiles& files, const Session& s) {
  std::vector<HistoryItem> items;
  items.push_back({s.started_at, HistoryKind::start, {}, {}, {}, {}});
  for (const DraftFile& d : list_draft_files(files))
    items.push_back({d.saved_at, HistoryKind::draft, d, {}, {}, {}});
  for (const RunLine& r : list_runs(files)) items.push_back({r.at, HistoryKind::run, {}, r, {}, {}});
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
