#include "session/changes.hpp"

#include <charconv>
#include <fstream>

#include "fs/read_file.hpp"
#include "proctor/runner/result_json.hpp"
#include "session/overview.hpp"
#include "session/run_log.hpp"

namespace proctor::session {

using nlohmann::json;

namespace {

std::vector<std::string> split_dots(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  for (;;) {
    std::size_t dot = text.find('.', at);
    parts.push_back(text.substr(at, dot == std::string::npos ? std::string::npos : dot - at));
    if (dot == std::string::npos) return parts;
    at = dot + 1;
  }
}

std::optional<std::size_t> count_of(const std::string& digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<bool> flag_of(const std::string& digit) {
  if (digit == "0") return false;
  if (digit == "1") return true;
  return std::nullopt;
}

bool settled(const Submission& s) {
  return s.late || s.sample_total.has_value() || !s.error.empty();
}

bool is_extension(const Event& e) {
  return std::holds_alternative<TimeExtended>(e.what);
}

}  // namespace

std::string format_cursor(const Cursor& c, Audience who) {
  auto b = [](bool x) { return x ? "1" : "0"; };
  if (who == Audience::candidate)
    return "c1." + std::to_string(c.extensions) + "." + b(c.time_up) + "." + b(c.finished);
  return "i1." + std::to_string(c.draft) + "." + std::to_string(c.runs) + "." +
         std::to_string(c.submissions) + "." + std::to_string(c.settled) + "." + std::to_string(c.events) +
         "." + b(c.time_up) + "." + b(c.finished);
}

std::optional<Cursor> parse_cursor(const std::string& text, Audience who) {
  if (text.size() > 64) return std::nullopt;
  std::vector<std::string> p = split_dots(text);
  Cursor c;
  if (who == Audience::candidate) {
    if (p.size() != 4 || p[0] != "c1") return std::nullopt;
    auto x = count_of(p[1]);
    auto t = flag_of(p[2]), f = flag_of(p[3]);
    if (!x || !t || !f) return std::nullopt;
    c.extensions = *x;
    c.time_up = *t;
    c.finished = *f;
    return c;
  }
  if (p.size() != 8 || p[0] != "i1") return std::nullopt;
  auto d = count_of(p[1]), r = count_of(p[2]), s = count_of(p[3]), g = count_of(p[4]), e = count_of(p[5]);
  auto t = flag_of(p[6]), f = flag_of(p[7]);
  if (!d || !r || !s || !g || !e || !t || !f) return std::nullopt;
  c.settled = *g;
  c.draft = static_cast<int>(*d);
  c.runs = *r;
  c.submissions = *s;
  c.events = *e;
  c.time_up = *t;
  c.finished = *f;
  return c;
}

Observed observe(const SessionFiles& files) {
  Observed o;
  o.session = load_session(files);
  o.at = now();
  o.drafts = list_draft_files(files);
  o.runs = read_runs(files);
  return o;
}

Cursor cursor_of(const Observed& o) {
  Cursor c;
  c.draft = o.drafts.empty() ? 0 : o.drafts.back().n;
  c.runs = o.runs.size();
  c.submissions = o.session.submissions.size();
  for (const Submission& s : o.session.submissions) c.settled += settled(s) ? 1 : 0;
  c.events = o.session.events.size();
  for (const Event& e : o.session.events) c.extensions += is_extension(e) ? 1 : 0;
  c.time_up = o.session.expired(o.at);
  c.finished = o.session.finished;
  return c;
}

std::vector<Change> changes_since(const Cursor& from, const Observed& o, Audience who) {
  const Session& s = o.session;
  const Cursor target = cursor_of(o);
  const bool all = who == Audience::interviewer;
  std::vector<Change> out;
  Cursor at = from;
  auto emit = [&](std::string type, json data) {
    data["state"] = state_name(s, o.at);
    data["now"] = to_iso(o.at);
    data["deadline"] = to_iso(s.deadline);
    out.push_back({std::move(type), std::move(data), at});
  };
  if (all && target.draft > from.draft) {
    // Only the newest draft: the live view shows the code as it is now, not every keystroke since.
    const DraftFile& d = o.drafts.back();
    at.draft = d.n;
    json data{{"n", d.n}, {"saved_at", to_iso(d.saved_at)}, {"bytes", d.bytes}};
    try {
      data["source"] = fs::read_file(d.file, 1 << 20);
    } catch (const std::exception&) {
      data["source"] = nullptr;  // removed meanwhile: the reader asks for it if it cares
    }
    emit("draft", std::move(data));
  }
  if (all) {
    for (std::size_t i = from.runs; i < o.runs.size(); ++i) {
      at.runs = i + 1;
      emit("run", to_json(o.runs[i]));
    }
    // New submissions, then older ones settled since (they settle in order: one job per session at a
    // time; one left unsettled by a kill -9 stays so, and is graded at the finish).
    std::vector<std::size_t> settled_now;
    for (std::size_t i = 0; i < s.submissions.size(); ++i)
      if (settled(s.submissions[i])) settled_now.push_back(i);
    std::vector<std::size_t> send;
    std::size_t newly = target.settled > from.settled ? target.settled - from.settled : 0;
    for (std::size_t k = settled_now.size() - std::min(newly, settled_now.size()); k < settled_now.size();
         ++k)
      if (settled_now[k] < from.submissions) send.push_back(settled_now[k]);
    for (std::size_t i = from.submissions; i < s.submissions.size(); ++i) send.push_back(i);
    for (std::size_t i : send) {
      const Submission& sub = s.submissions[i];
      at.submissions = std::max(at.submissions, i + 1);
      if (settled(sub)) at.settled = std::min(target.settled, at.settled + 1);
      json j{{"n", sub.n},
             {"submitted_at", to_iso(sub.submitted_at)},
             {"late", sub.late},
             {"sha256", sub.sha256},
             {"bytes", sub.bytes}};
      if (sub.sample_passed) j["sample_passed"] = *sub.sample_passed;
      if (sub.sample_total) j["sample_total"] = *sub.sample_total;
      if (sub.verdict) j["verdict"] = runner::to_string(*sub.verdict);
      if (!sub.error.empty()) j["error"] = sub.error;
      emit("submission", std::move(j));
    }
  }
  std::size_t extensions = 0;
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const Event& e = s.events[i];
    bool extension = is_extension(e);
    extensions += extension ? 1 : 0;
    if (all) {
      if (i < from.events) continue;
      at.events = i + 1;
      at.extensions = extensions;
      emit(std::string(event_type(e)), runner::to_json(e));
    } else if (extension && extensions > from.extensions) {
      at.extensions = extensions;
      const auto& x = std::get<TimeExtended>(e.what);
      emit("extend", json{{"at", to_iso(e.at)}, {"previous_deadline", to_iso(x.old_deadline)}});
    }
  }
  if (target.time_up != from.time_up) {
    at.time_up = target.time_up;
    // Back to false only by an extension after the deadline, which its own event already said.
    if (target.time_up) emit("time_up", json::object());
  }
  if (target.finished && !from.finished) {
    at.finished = true;
    json j{{"finished_at", s.finished_at ? json(to_iso(*s.finished_at)) : json(nullptr)}};
    if (all) {
      j["by"] = s.finished_by;
      j["verdict"] = s.final_verdict ? json(runner::to_string(*s.final_verdict)) : json(nullptr);
      j["score"] = s.final_score ? runner::to_json(*s.final_score) : json(nullptr);
    }
    emit("finished", std::move(j));
  }
  // Counts that went down (a removed draft, a truncated run log) or the other audience's fields: the
  // cursor simply follows the stored state from here on.
  if (!out.empty()) out.back().after = target;
  return out;
}

}  // namespace proctor::session
