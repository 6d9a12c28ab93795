#include "session/show.hpp"

#include <sstream>

#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "report/escape.hpp"
#include "report/model.hpp"
#include "report/sections.hpp"
#include "session/duration.hpp"
#include "session/history.hpp"
#include "session/overview.hpp"
#include "session/run_log.hpp"
#include "text/line_diff.hpp"

namespace proctor::session {
namespace {

using nlohmann::json;
using report::clean_text;

const Submission& show_find(const SessionFiles& files, const Session& s, int n) {
  const Submission* sub = s.find(n);
  if (!sub) {
    throw runner::UserError(files.session_json(), "there is no submission " + std::to_string(n) +
                                                      " (the session has " +
                                                      std::to_string(s.submissions.size()) + ")");
  }
  return *sub;
}

std::string show_samples(const Submission& sub) {
  if (sub.late) return "late, not graded";
  if (!sub.sample_total) return "samples not graded";
  return std::to_string(sub.sample_passed.value_or(0)) + "/" + std::to_string(*sub.sample_total) +
         " samples " + (sub.verdict ? std::string(runner::to_string(*sub.verdict)) : "");
}

std::string show_describe(const Session& s, const HistoryItem& item) {
  switch (item.kind) {
    case HistoryKind::start:
      return "started: " + clean_text(s.candidate) + ", " + clean_text(s.exercise_id) + ", " +
             format_duration(s.original_deadline() - s.started_at) + " (deadline " +
             local_time_of_day(s.original_deadline()) + ")";
    case HistoryKind::draft:
      return "draft " + std::to_string(item.draft->n) + " saved (" + std::to_string(item.draft->bytes) +
             " bytes)";
    case HistoryKind::run:
      return report::describe_run(*item.run);
    case HistoryKind::submission:
      return "submission " + std::to_string(item.submission->n) + ": " +
             clean_text(show_samples(*item.submission));
    case HistoryKind::extend: {
      const auto& x = std::get<TimeExtended>(item.event->what);
      return "time extended by " + format_duration(x.amount) + " by " + clean_text(item.event->by) +
             ": deadline " + local_time_of_day(x.old_deadline) + " -> " + local_time_of_day(x.new_deadline);
    }
    case HistoryKind::note:
      return "note by " + clean_text(item.event->by) + ": " +
             clean_text(std::get<NoteAdded>(item.event->what).text);
    case HistoryKind::grade: {
      const auto& g = std::get<Graded>(item.event->what);
      std::string what = g.submission ? "submission " + std::to_string(*g.submission) : "no submission";
      std::string line = std::string(g.regrade ? "re-graded " : "graded ") + what + " by " +
                         clean_text(item.event->by) + (g.chosen ? " (chosen)" : "") + ": " +
                         std::string(runner::to_string(g.verdict)) + ", " +
                         report::format_number(static_cast<double>(g.score.passed)) + "/" +
                         report::format_number(static_cast<double>(g.score.total)) + " tests";
      for (const std::string& w : g.warnings) line += "\n      warning: " + clean_text(w);
      return line;
    }
  }
  return "";
}

}  // namespace

std::string submission_source(const SessionFiles& files, const Session& s, int n) {
  const Submission& sub = show_find(files, s, n);
  return fs::read_file(files.dir / sub.file, 1 << 20);
}

std::string history_text(const SessionFiles& files, const Session& s) {
  std::ostringstream out;
  out << "Session " << s.id << ": " << clean_text(s.candidate) << ", " << clean_text(s.exercise_title) << " ("
      << clean_text(s.exercise_id) << "), " << state_name(s, now()) << "\n";
  for (const HistoryItem& item : session_history(files, s)) {
    std::string offset = report::format_offset((item.at - s.started_at).count());
    out << "  " << offset << std::string(offset.size() < 9 ? 9 - offset.size() : 1, ' ')
        << local_time_of_day(item.at) << "  " << show_describe(s, item) << "\n";
  }
  return out.str();
}

json history_json(const SessionFiles& files, const Session& s) {
  json items = json::array();
  for (const HistoryItem& item : session_history(files, s)) {
    json j{{"at", to_iso(item.at)}, {"elapsed_ms", (item.at - s.started_at).count()}};
    switch (item.kind) {
      case HistoryKind::start:
        j["type"] = "start";
        break;
      case HistoryKind::draft:
        j["type"] = "draft";
        j["n"] = item.draft->n;
        j["bytes"] = item.draft->bytes;
        break;
      case HistoryKind::run: {
        const json run = to_json(*item.run);  // the run log's own spelling, the fields history shows
        for (const char* key : {"kind", "compile", "verdict", "sample_passed", "sample_total", "status"})
          if (run.contains(key)) j[key] = run[key];
      }
        j["type"] = "run";
        break;
      case HistoryKind::submission:
        j = runner::to_json(runner::TimelineEntry{
            item.submission->n, item.submission->submitted_at, item.submission->sha256, item.submission->late,
            item.submission->sample_passed, item.submission->sample_total, item.submission->verdict});
        j["type"] = "submission";
        j["at"] = to_iso(item.at);
        j["elapsed_ms"] = (item.at - s.started_at).count();
        break;
      case HistoryKind::extend:
      case HistoryKind::note:
      case HistoryKind::grade:
        j.update(runner::to_json(*item.event));
        break;
    }
    items.push_back(j);
  }
  return json{{"id", s.id}, {"items", items}};
}

std::string submission_text(const SessionFiles& files, const Session& s, int n) {
  const Submission& sub = show_find(files, s, n);
  std::string source = submission_source(files, s, n);
  std::ostringstream out;
  out << "Submission " << n << " of session " << s.id << ": " << local_date_time(sub.submitted_at) << " ("
      << report::format_offset((sub.submitted_at - s.started_at).count()) << "), " << sub.bytes << " bytes, "
      << clean_text(show_samples(sub)) << "\n\n"
      << clean_text(source);
  if (!source.empty() && source.back() != '\n') out << "\n";
  return out.str();
}

std::string submission_diff(const SessionFiles& files, const Session& s, int a, int b) {
  const Submission& sa = show_find(files, s, a);
  const Submission& sb = show_find(files, s, b);
  std::string diff =
      text::unified_diff(submission_source(files, s, a), submission_source(files, s, b),
                         "submission " + std::to_string(a) + " (" + local_time_of_day(sa.submitted_at) + ")",
                         "submission " + std::to_string(b) + " (" + local_time_of_day(sb.submitted_at) + ")");
  if (diff.empty())
    return "Submissions " + std::to_string(a) + " and " + std::to_string(b) + " are identical\n";
  return clean_text(diff);
}

}  // namespace proctor::session
