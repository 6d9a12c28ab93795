#include "session/timeline.hpp"

namespace proctor::session {

runner::TimelineEntry timeline_entry(const Submission& s) {
  return {s.n, s.submitted_at, s.sha256, s.late, s.sample_passed, s.sample_total, s.verdict};
}

runner::SessionRecord session_record(const Session& s) {
  runner::SessionRecord r;
  r.id = s.id;
  r.candidate = s.candidate;
  r.started_at = s.started_at;
  r.deadline = s.deadline;
  r.finished_at = s.finished_at;
  r.finished_by = s.finished_by;
  r.package_changed = s.package_changed;
  for (const Submission& sub : s.submissions) r.timeline.push_back(timeline_entry(sub));
  r.events = s.events;
  return r;
}

}  // namespace proctor::session
