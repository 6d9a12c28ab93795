#include "report/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <variant>

#include "text/units.hpp"

namespace proctor::report {
namespace {

using runner::GradeResult;

long long between(Instant from, Instant to) {
  return (to - from).count();
}

TestRow test_row(const runner::TestResult& t) {
  TestRow row;
  row.name = t.name;
  row.group = t.group;
  row.visibility = t.visibility == runner::Visibility::sample ? "sample" : "secret";
  row.verdict = t.verdict;
  row.message = t.message;
  row.description = t.description;
  row.violation = t.violation.value_or("");
  if (t.verdict != Verdict::skipped) {
    row.time = t.time;
    row.wall = t.wall;
  }
  row.memory_kb = t.memory_kb;
  row.exit_code = t.exit_code;
  row.signal = t.signal;
  if (t.diff && !t.diff->empty()) row.diff.emplace_back("diff", *t.diff);
  row.input = t.input;
  row.stdout_excerpt = t.stdout_excerpt;
  row.stderr_excerpt = t.stderr_excerpt;
  return row;
}

using Kind = TimelineItem::Kind;

TimelineItem item_at(Kind kind, Instant at, Instant start) {
  TimelineItem i;
  i.kind = kind;
  i.at = at;
  i.offset_ms = between(start, at);
  return i;
}

void add_items(SessionView& v, const runner::SessionRecord& s, const SessionExtras* extras) {
  std::vector<TimelineItem>& items = v.items;
  items.push_back(item_at(Kind::start, s.started_at, s.started_at));
  if (extras) {
    for (const DraftMark& d : extras->drafts) {
      TimelineItem i = item_at(Kind::draft, d.at, s.started_at);
      i.n = d.n;
      i.bytes = d.bytes;
      items.push_back(i);
    }
    for (const runner::RunRecord& r : extras->runs) {
      TimelineItem i = item_at(Kind::run, r.at, s.started_at);
      i.run = r;
      items.push_back(i);
    }
  }
  for (const runner::TimelineEntry& e : s.timeline) {
    TimelineItem i = item_at(Kind::submission, e.submitted_at, s.started_at);
    i.n = e.n;
    i.late = e.late;
    i.verdict = e.verdict;
    i.sample_passed = e.sample_passed;
    i.sample_total = e.sample_total;
    items.push_back(i);
  }
  for (const runner::SessionEvent& e : s.events) {
    if (const auto* x = std::get_if<runner::TimeExtended>(&e.what)) {
      TimelineItem i = item_at(Kind::extend, e.at, s.started_at);
      i.by = e.by;
      i.amount_ms = x->amount.count();
      i.new_deadline = x->new_deadline;
      items.push_back(i);
      v.extended_ms = v.extended_ms.value_or(0) + x->amount.count();
    } else if (const auto* note = std::get_if<runner::NoteAdded>(&e.what)) {
      TimelineItem i = item_at(Kind::note, e.at, s.started_at);
      i.by = e.by;
      i.text = note->text;
      items.push_back(i);
    } else if (const auto* g = std::get_if<runner::Graded>(&e.what)) {
      TimelineItem i = item_at(Kind::grade, e.at, s.started_at);
      i.by = e.by;
      i.n = g->submission.value_or(0);
      i.chosen = g->chosen;
      i.regrade = g->regrade;
      i.verdict = g->verdict;
      items.push_back(i);
      v.graded = g->submission;
      v.graded_known = true;
      v.chosen = g->chosen;
      v.graded_by = e.by;
      v.warnings = g->warnings;
    }
  }
  if (s.finished_at) {
    TimelineItem i = item_at(Kind::finish, *s.finished_at, s.started_at);
    i.by = s.finished_by;
    items.push_back(i);
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const TimelineItem& a, const TimelineItem& b) { return a.at < b.at; });
}

std::vector<GroupRow> group_rows(const std::vector<runner::TestResult>& tests) {
  std::vector<GroupRow> rows;
  for (const runner::TestResult& t : tests) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const GroupRow& g) { return g.group == t.group; });
    if (it == rows.end()) {
      rows.push_back({t.group, 0, 0});
      it = rows.end() - 1;
    }
    it->total += 1;
    it->passed += t.verdict == Verdict::AC ? 1 : 0;
  }
  return rows;
}

SessionView session_view(const runner::SessionRecord& s) {
  SessionView v;
  v.id = s.id;
  v.candidate = s.candidate;
  v.started_at = s.started_at;
  v.deadline = s.deadline;
  v.finished_at = s.finished_at;
  v.finished_by = s.finished_by;
  v.length_ms = between(s.started_at, s.deadline);
  if (s.finished_at) v.finished_ms = between(s.started_at, *s.finished_at);
  v.package_changed = s.package_changed;
  for (const runner::TimelineEntry& e : s.timeline) {
    TimelineRow row;
    row.n = e.n;
    row.submitted_at = e.submitted_at;
    row.offset_ms = between(s.started_at, e.submitted_at);
    row.late = e.late;
    row.sample_passed = e.sample_passed;
    row.sample_total = e.sample_total;
    row.verdict = e.verdict;
    row.sha256 = e.sha256;
    (row.late ? v.late : v.on_time) += 1;
    const bool all_samples = runner::passed_every_sample(row.late, row.sample_passed, row.sample_total);
    if (all_samples && !v.first_pass_n) {
      v.first_pass_n = row.n;
      v.first_pass_ms = row.offset_ms;
    }
    v.timeline.push_back(row);
  }
  return v;
}

void add_layer(Model& m, const std::string& name, const std::string& state, bool ok) {
  m.sandbox.emplace_back(name, state);
  m.sandbox_ok.push_back(ok);
}

void sandbox_layers(Model& m, const sandbox::Layers& sb) {
  add_layer(m, "seccomp", sb.seccomp ? "on" : "off", sb.seccomp);
  add_layer(m, "Landlock", sb.landlock_abi > 0 ? "ABI " + std::to_string(sb.landlock_abi) : "off",
            sb.landlock_abi > 0);
  std::string ns;
  for (const std::string& n : sb.namespaces) ns += (ns.empty() ? "" : ", ") + n;
  // Not a weakness by itself: the program profile runs without namespaces on purpose (seccomp and
  // Landlock cover it), so "none" is not flagged.
  add_layer(m, "namespaces", ns.empty() ? "none" : ns, true);
  auto named = [&](const char* label, const std::string& value) {
    add_layer(m, label, value.empty() ? "none" : value, !value.empty() && value != "none");
  };
  named("cgroup", sb.cgroup);
  named("memory limit", sb.memory_limit);
  // ru_maxrss is the one measure that may hold pages not the program's own (see Layers::memory_peak).
  add_layer(m, "memory measured by", sb.memory_peak.empty() ? "none" : sb.memory_peak,
            sb.memory_peak != "rusage" && sb.memory_peak != "none" && !sb.memory_peak.empty());
  named("process limit", sb.process_limit);
  add_layer(m, "privileges dropped", sb.privileges_dropped ? "yes" : "no", sb.privileges_dropped);
  if (sb.insecure) add_layer(m, "INSECURE", "file system not confined", false);
}

}  // namespace

std::string verdict_text(Verdict verdict) {
  return std::string(runner::to_string(verdict));
}

std::string verdict_text(std::optional<Verdict> verdict) {
  return verdict ? verdict_text(*verdict) : "";
}

std::string compile_status_text(CompileStatus status) {
  return std::string(runner::to_string(status));
}

std::string format_ms(std::optional<std::uint64_t> ms) {
  return ms ? text::format_time_ms(*ms) : "-";
}

std::string format_time(const std::optional<runner::Elapsed>& time) {
  if (!time) return "-";
  if (const auto us = time->us()) return text::format_time_us(*us);
  return text::format_floored_ms(time->ms());
}

std::string format_kb(std::optional<std::uint64_t> kb) {
  return kb ? text::format_memory_kb(*kb) : "-";
}

std::string format_offset(std::optional<long long> ms) {
  if (!ms) return "?";
  long long s = *ms < 0 ? 0 : *ms / 1000;
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "+%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "+%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}

std::string format_number(std::optional<double> v) {
  if (!v) return "?";
  char buf[32];
  if (std::fabs(*v - std::round(*v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", *v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", *v);
  }
  return buf;
}

std::string format_timestamp(std::optional<Instant> when) {
  if (!when) return "";
  const long long ms = when->time_since_epoch().count();
  std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

const SourceVersion* Model::graded_source() const {
  if (!extras || !session || !session->graded) return nullptr;
  for (const SourceVersion& v : extras->submissions) {
    if (v.n == *session->graded) return &v;
  }
  return nullptr;
}

Model build_model(const GradeResult& r, const SessionExtras* extras) {
  Model m;
  m.verdict = r.verdict;
  m.verdict_label = runner::verdict_label(r.verdict);
  m.signals = r.signals;
  m.passed = static_cast<double>(r.score.passed);
  m.total = static_cast<double>(r.score.total);
  m.points = r.score.points;
  m.max_points = r.score.max_points;
  m.exercise_id = r.exercise.id;
  m.exercise_title = r.exercise.title;
  m.exercise_path = r.exercise.path;
  m.exercise_sha256 = r.exercise.sha256;
  // The file's name only: a report is handed to people who were not there, never a server's paths.
  m.submission_path = std::filesystem::path(r.submission.path).filename().string();
  m.submission_sha256 = r.submission.sha256;
  m.submission_bytes = r.submission.bytes;
  m.compile_status = r.compile.status;
  m.compile_output = r.compile.output;
  m.compile_ms = r.compile.duration_ms;
  for (const std::string& a : r.compile.command)
    m.compile_command += (m.compile_command.empty() ? "" : " ") + a;
  for (const runner::CompileWarning& w : r.compile.warnings) {
    m.warnings.push_back({w.file, w.line, w.column, w.message, w.option.value_or("")});
  }
  for (const runner::TestResult& t : r.tests) m.tests.push_back(test_row(t));
  m.limits.emplace_back("CPU time", format_ms(r.limits.time_ms));
  m.limits.emplace_back("wall time", format_ms(r.limits.wall_ms));
  m.limits.emplace_back("memory", text::format_memory_kb(r.limits.memory_mb * 1024));
  m.limits.emplace_back("output", text::format_memory_kb(r.limits.output_kb));
  sandbox_layers(m, r.layers);
  m.runner_version = r.runner.version;
  m.compiler = r.runner.compiler;
  m.started_at = r.started_at;
  m.finished_at = r.finished_at;
  m.error = r.error.value_or("");
  if (r.session) {
    m.session = session_view(*r.session);
    add_items(*m.session, *r.session, extras);
  }
  m.groups = group_rows(r.tests);
  if (extras) m.extras = *extras;
  return m;
}

}  // namespace proctor::report
