#include "session/overview.hpp"

#include <sstream>

#include "proctor/runner/result_json.hpp"
#include "report/escape.hpp"
#include "report/model.hpp"
#include "session/duration.hpp"
#include "session/timeline.hpp"

namespace proctor::session {
namespace {

using nlohmann::json;
using report::clean_text;

std::string verdict_or(const std::optional<runner::Verdict>& v, const char* none) {
  return v ? std::string(runner::to_string(*v)) : none;
}

std::string samples_text(const Submission& sub) {
  if (sub.late) return "late, not graded";
  if (!sub.sample_total) return sub.error.empty() ? "not graded" : "not graded (" + sub.error + ")";
  return std::to_string(sub.sample_passed.value_or(0)) + "/" + std::to_string(*sub.sample_total) +
         " samples " + verdict_or(sub.verdict, "");
}

std::string pad(const std::string& s, std::size_t width) {
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xc0) != 0x80;
  return points >= width ? s + "  " : s + std::string(width - points + 2, ' ');
}

}  // namespace

std::string graded_text(const Session& s) {
  if (const Graded* g = s.last_grading()) {
    return g->submission ? "graded submission " + std::to_string(*g->submission)
                         : std::string("no submission");
  }
  const Submission* last = s.last_on_time();  // finished before gradings were recorded
  return last ? "graded submission " + std::to_string(last->n) : std::string("no submission");
}

std::string score_text(const Session& s) {
  if (!s.final_score) return "";
  const runner::Score& sc = *s.final_score;
  return report::format_number(static_cast<double>(sc.passed)) + "/" +
         report::format_number(static_cast<double>(sc.total)) + " tests, " +
         report::format_number(sc.points) + "/" + report::format_number(sc.max_points) + " points";
}

std::string state_name(const Session& s, Instant at) {
  if (s.finished) return "finished";
  return s.expired(at) ? "expired" : "open";
}

json status_json(const SessionFiles& files, const Session& s) {
  Instant at = now();
  json subs = json::array();
  for (const Submission& sub : s.submissions) {
    json e = runner::to_json(timeline_entry(sub));
    e["file"] = (files.dir / sub.file).string();
    if (!sub.error.empty()) e["error"] = sub.error;
    subs.push_back(e);
  }
  json j{{"id", s.id},
         {"candidate", s.candidate},
         {"exercise",
          {{"id", s.exercise_id},
           {"title", s.exercise_title},
           {"path", s.exercise_path.string()},
           {"sha256", s.package_sha256}}},
         {"state", state_name(s, at)},
         {"started_at", to_iso(s.started_at)},
         {"deadline", to_iso(s.deadline)},
         {"remaining_ms", s.finished ? 0 : std::max<long long>(0, (s.deadline - at).count())},
         {"finished_at", s.finished_at && s.finished ? json(to_iso(*s.finished_at)) : json(nullptr)},
         {"finished_by", s.finished ? json(s.finished_by) : json(nullptr)},
         {"package_changed", s.package_changed},
         {"workspace", files.workspace().string()},
         {"submissions", subs}};
  if (s.finished) {
    j["verdict"] = verdict_or(s.final_verdict, "");
    j["score"] = s.final_score ? runner::to_json(*s.final_score) : json(nullptr);
    j["result"] = files.result_json().string();
    j["report"] = files.report_html().string();
    if (const Graded* g = s.last_grading()) {
      j["graded"] = g->submission ? json(*g->submission) : json(nullptr);
      j["warnings"] = g->warnings;
    }
  }
  return j;
}

std::string status_text(const SessionFiles& files, const Session& s) {
  Instant at = now();
  std::ostringstream out;
  out << "Session " << s.id << ": " << clean_text(s.candidate) << ", " << clean_text(s.exercise_title) << " ("
      << clean_text(s.exercise_id) << ")\n";
  if (s.finished) {
    out << "Finished by " << s.finished_by << " at "
        << (s.finished_at ? local_time_of_day(*s.finished_at) : "?") << "; verdict "
        << verdict_or(s.final_verdict, "?") << ", " << score_text(s) << " (" << graded_text(s) << ")\n";
    out << "Result: " << files.result_json().string() << "\nReport: " << files.report_html().string() << "\n";
  } else if (s.expired(at)) {
    out << "Time is up (deadline " << local_time_of_day(s.deadline) << "); not finished yet\n";
  } else {
    out << "Open, " << format_duration(s.deadline - at) << " left (deadline " << local_time_of_day(s.deadline)
        << ")\n";
  }
  for (const Event& e : s.events) {
    if (const auto* x = std::get_if<TimeExtended>(&e.what)) {
      out << "Extended by " << format_duration(x->amount) << " at " << local_time_of_day(e.at) << " by "
          << clean_text(e.by) << "\n";
    }
  }
  if (s.package_changed) out << "Note: the package changed since the start; the frozen copy is graded\n";
  if (s.submissions.empty()) {
    out << "No submission yet\n";
    return out.str();
  }
  out << "Submissions:\n";
  for (const Submission& sub : s.submissions) {
    out << "  #" << pad(std::to_string(sub.n), 3) << pad(local_time_of_day(sub.submitted_at), 8)
        << pad(report::format_offset((sub.submitted_at - s.started_at).count()), 8)
        << clean_text(samples_text(sub)) << "\n";
  }
  return out.str();
}

json list_entry(const Session& s) {
  Instant at = now();
  json j{{"id", s.id},
         {"candidate", s.candidate},
         {"exercise", s.exercise_id},
         {"state", state_name(s, at)},
         {"started_at", to_iso(s.started_at)},
         {"deadline", to_iso(s.deadline)},
         {"remaining_ms", s.finished ? 0 : std::max<long long>(0, (s.deadline - at).count())},
         {"submissions", s.submissions.size()}};
  if (const Graded* g = s.last_grading()) j["graded"] = g->submission ? json(*g->submission) : json(nullptr);
  if (s.finished) {
    j["verdict"] = verdict_or(s.final_verdict, "");
    j["score"] = s.final_score ? runner::to_json(*s.final_score) : json(nullptr);
  }
  return j;
}

std::string list_text(const std::vector<Session>& sessions) {
  if (sessions.empty()) return "No sessions\n";
  Instant at = now();
  std::size_t wc = 9, we = 8;
  for (const Session& s : sessions) {
    wc = std::max(wc, std::min<std::size_t>(clean_text(s.candidate).size(), 30));
    we = std::max(we, clean_text(s.exercise_id).size());
  }
  std::ostringstream out;
  out << pad("ID", 8) << pad("STARTED", 20) << pad("CANDIDATE", wc) << pad("EXERCISE", we) << pad("STATE", 8)
      << "LEFT / RESULT\n";
  for (const Session& s : sessions) {
    std::string candidate = clean_text(s.candidate);
    if (candidate.size() > 30) {
      std::size_t cut = 27;
      while (cut > 0 && (static_cast<unsigned char>(candidate[cut]) & 0xc0) == 0x80)
        --cut;  // whole UTF-8 characters
      candidate = candidate.substr(0, cut) + "...";
    }
    std::string detail = s.finished      ? verdict_or(s.final_verdict, "?") + " " + score_text(s)
                         : s.expired(at) ? "time is up"
                                         : format_duration(s.deadline - at) + " left";
    out << pad(s.id, 8) << pad(local_date_time(s.started_at), 20) << pad(candidate, wc)
        << pad(clean_text(s.exercise_id), we) << pad(state_name(s, at), 8) << detail << "\n";
  }
  return out.str();
}

}  // namespace proctor::session
