#include "session/timeline.hpp"

namespace proctor::session {

using nlohmann::json;

json timeline_entry(const Submission& s) {
  json entry{{"n", s.n}, {"submitted_at", to_iso(s.submitted_at)}, {"sha256", s.sha256}, {"late", s.late}};
  // Absent rather than null when the samples were not graded (late, interrupted, failed): the schema
  // types them as integers, and "absent" reads as "no result" to every consumer.
  if (s.sample_passed) entry["sample_passed"] = *s.sample_passed;
  if (s.sample_total) entry["sample_total"] = *s.sample_total;
  if (s.verdict) entry["verdict"] = *s.verdict;
  return entry;
}

json session_block(const Session& s) {
  json timeline = json::array();
  for (const Submission& sub : s.submissions) timeline.push_back(timeline_entry(sub));
  return json{{"id", s.id},
              {"candidate", s.candidate},
              {"started_at", to_iso(s.started_at)},
              {"deadline", to_iso(s.deadline)},
              {"finished_at", s.finished_at ? json(to_iso(*s.finished_at)) : json(nullptr)},
              {"finished_by", s.finished_by.empty() ? json(nullptr) : json(s.finished_by)},
              {"package_changed", s.package_changed},
              {"timeline", timeline}};
}

}  // namespace proctor::session
