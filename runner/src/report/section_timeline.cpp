// The session as it happened: start, drafts, runs, submissions, extensions, the interviewer's notes, the
// gradings and the finish, each with its elapsed time (format_offset, as `session status` shows it)
// and its time of day in UTC.
#include <ctime>

#include "report/escape.hpp"
#include "report/sections.hpp"

namespace proctor::report {
namespace {

using Kind = TimelineItem::Kind;

std::string samples(std::optional<int> passed, std::optional<int> total) {
  if (!total) return "";
  return std::to_string(passed.value_or(0)) + "/" + std::to_string(*total) + " samples";
}

std::string samples(const TimelineItem& i) {
  return samples(i.sample_passed, i.sample_total);
}

std::string time_of_day(Instant t) {
  std::string full = format_timestamp(t);  // "2025-03-01 09:30:00 UTC"
  return full.size() > 11 ? full.substr(11) : full;
}

std::string minutes(long long ms) {
  long long s = ms / 1000;
  return s % 60 == 0 ? std::to_string(s / 60) + " min" : std::to_string(s) + " s";
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::start:
      return "start";
    case Kind::draft:
      return "draft";
    case Kind::run:
      return "run";
    case Kind::submission:
      return "submission";
    case Kind::extend:
      return "extension";
    case Kind::note:
      return "note";
    case Kind::grade:
      return "grading";
    case Kind::finish:
      return "finish";
  }
  return "";
}

// Drafts come every few seconds: one line each would drown the rest,
// so consecutive drafts collapse into one line ("drafts 4-17").
struct Line {
  const TimelineItem* item;
  int last_draft = 0;  // > item->n: a run of drafts
};

std::vector<Line> lines(const SessionView& s) {
  std::vector<Line> out;
  for (const TimelineItem& i : s.items) {
    if (i.kind == Kind::draft && !out.empty() && out.back().item->kind == Kind::draft) {
      out.back().last_draft = i.n;
      continue;
    }
    out.push_back({&i, i.kind == Kind::draft ? i.n : 0});
  }
  return out;
}

std::string line_text(const Line& l) {
  if (l.item->kind == Kind::draft && l.last_draft > l.item->n)
    return "drafts " + std::to_string(l.item->n) + "-" + std::to_string(l.last_draft) + " saved";
  return describe(*l.item);
}

}  // namespace

std::string describe_run(const runner::RunRecord& r) {
  if (r.kind == runner::RunKind::input) {
    if (r.compile != runner::CompileStatus::OK) return "ran on own input: did not compile";
    return "ran on own input: " + std::string(r.status ? sandbox::to_string(*r.status) : "?");
  }
  const std::string counted = samples(r.sample_passed, r.sample_total);
  return "ran the samples: " + (counted.empty() ? std::string("not counted") : counted) +
         (r.verdict ? " " + verdict_text(*r.verdict) : "");
}

std::string describe(const TimelineItem& i) {
  switch (i.kind) {
    case Kind::start:
      return "session started";
    case Kind::draft:
      return "draft " + std::to_string(i.n) + " saved (" + std::to_string(i.bytes) + " bytes)";
    case Kind::run:
      return i.run ? describe_run(*i.run) : "ran";
    case Kind::submission:
      if (i.late) return "submission " + std::to_string(i.n) + " (late, not graded)";
      return "submission " + std::to_string(i.n) + ": " +
             (i.sample_total ? samples(i) : "samples not graded") +
             (i.verdict ? " " + verdict_text(*i.verdict) : "");
    case Kind::extend:
      return "time extended by " + minutes(i.amount_ms.value_or(0)) + " by " + i.by + " (new deadline " +
             time_of_day(i.new_deadline.value_or(Instant{})) + ")";
    case Kind::note:
      return "note by " + i.by + ": " + i.text;
    case Kind::grade:
      return std::string(i.regrade ? "re-graded " : "graded ") +
             (i.n > 0 ? "submission " + std::to_string(i.n) : "no submission") +
             (i.chosen ? " (chosen)" : "") + " by " + i.by + ": " + verdict_text(i.verdict);
    case Kind::finish:
      return "session finished (" + i.by + ")";
  }
  return "";
}

void timeline_html(std::ostringstream& out, const Model& m) {
  if (!m.session) return;
  out << "<h2>Timeline</h2><table class=\"timeline\"><tr><th class=\"num\">Elapsed</th><th "
         "class=\"num\">UTC</th>"
         "<th>What</th></tr>";
  for (const Line& l : lines(*m.session)) {
    out << "<tr class=\"t-" << kind_name(l.item->kind) << "\"><td class=\"num\">"
        << format_offset(l.item->offset_ms) << "</td><td class=\"num\">"
        << html_escape(time_of_day(l.item->at)) << "</td><td>" << html_escape(line_text(l)) << "</td></tr>";
  }
  out << "</table>\n";
}

void timeline_markdown(std::ostringstream& out, const Model& m) {
  if (!m.session) return;
  out << "\n## Timeline\n\n| Elapsed | UTC | What |\n|---:|---:|---|\n";
  for (const Line& l : lines(*m.session)) {
    out << "| " << format_offset(l.item->offset_ms) << " | " << time_of_day(l.item->at) << " | "
        << md_inline(line_text(l)) << " |\n";
  }
}

void timeline_text(std::ostringstream& out, const Model& m) {
  if (!m.session) return;
  out << "\nTimeline\n";
  for (const Line& l : lines(*m.session)) {
    std::string offset = format_offset(l.item->offset_ms);
    out << "  " << offset << std::string(offset.size() < 9 ? 9 - offset.size() : 1, ' ')
        << time_of_day(l.item->at) << "  " << clean_text(line_text(l)) << "\n";
  }
}

}  // namespace proctor::report
