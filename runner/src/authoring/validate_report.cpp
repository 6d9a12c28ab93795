// The validate table for people and the findings for machines (--json).
#include <iomanip>

#include "authoring/validate.hpp"
#include "text/columns.hpp"
#include "text/units.hpp"

namespace proctor::authoring {
using nlohmann::json;

namespace {

using text::pad;

// "-" for a submission that could not be graded.
std::string got_text(const SubmissionCheck& s) {
  return s.got ? std::string(runner::to_string(*s.got)) : "-";
}

std::size_t problem_count(const PackageCheck& check) {
  std::size_t n = check.problems.size();
  for (const SubmissionCheck& s : check.submissions) n += s.problem.empty() ? 0 : 1;
  return n;
}

}  // namespace

void print_package_check(std::ostream& out, const PackageCheck& check) {
  out << (check.id.empty() ? check.dir.filename().string() : check.id);
  if (!check.title.empty()) out << "  " << check.title;
  out << "  (" << check.dir.string() << ")\n";
  if (check.loaded) {
    out << "  limits " << check.time_limit_ms << " ms, " << check.memory_mb << " MiB; tests " << check.samples
        << " sample + " << check.secrets << " secret\n";
  }
  if (!check.submissions.empty()) {
    std::size_t width = 10, expected_width = 8;
    for (const SubmissionCheck& s : check.submissions) {
      width = std::max(width, s.file.size());
      expected_width = std::max(expected_width, s.expected.size());
    }
    out << "  " << pad("submission", width + 1) << pad("expected", expected_width + 1) << pad("got", 5)
        << std::setw(9) << "max time" << std::setw(12) << "max memory"
        << "  result\n";
    for (const SubmissionCheck& s : check.submissions) {
      out << "  " << pad(s.file, width + 1) << pad(s.expected, expected_width + 1) << pad(got_text(s), 5)
          << std::setw(9) << text::format_time_us(s.max_time_us) << std::setw(8)
          << (s.max_memory_kb + 1023) / 1024 << " MiB  "
          << (s.problem.empty() ? "OK" : "problem: " + s.problem);
      if (s.problem.empty() && !s.deciding_test.empty()) out << " (on " << s.deciding_test << ")";
      if (s.graded_time_limit_ms != check.time_limit_ms && s.graded_time_limit_ms != 0) {
        out << " (graded at " << s.graded_time_limit_ms << " ms)";
      }
      out << "\n";
    }
  }
  if (check.slowest_accepted_ms) {
    out << "  slowest accepted " << *check.slowest_accepted_ms << " ms; suggested time limit "
        << *check.suggested_time_limit_ms << " ms (now " << check.time_limit_ms << " ms)\n";
  }
  for (const std::string& p : check.problems) out << "  problem: " << p << "\n";
  for (const std::string& n : check.notes) out << "  note: " << n << "\n";
  const std::size_t problems = problem_count(check);
  if (problems == 0) {
    out << "  => valid\n";
  } else {
    out << "  => INVALID (" << problems << (problems == 1 ? " problem" : " problems") << ")\n";
  }
}

json to_json(const PackageCheck& check) {
  json subs = json::array();
  for (const SubmissionCheck& s : check.submissions) {
    subs.push_back({{"file", s.file},
                    {"expected", s.expected},
                    {"got", got_text(s)},
                    {"max_time_ms", s.max_time_ms()},
                    {"max_time_us", s.max_time_us},
                    {"max_memory_kb", s.max_memory_kb},
                    {"graded_time_limit_ms", s.graded_time_limit_ms},
                    {"ok", s.problem.empty()},
                    {"deciding_test", s.deciding_test.empty() ? json(nullptr) : json(s.deciding_test)},
                    {"problem", s.problem.empty() ? json(nullptr) : json(s.problem)}});
  }
  auto optional = [](const std::optional<std::uint64_t>& v) { return v ? json(*v) : json(nullptr); };
  return {{"path", check.dir.string()},
          {"id", check.id},
          {"title", check.title},
          {"ok", check.ok()},
          {"loaded", check.loaded},
          {"limits", {{"time_ms", check.time_limit_ms}, {"memory_mb", check.memory_mb}}},
          {"tests", {{"sample", check.samples}, {"secret", check.secrets}}},
          {"slowest_accepted_ms", optional(check.slowest_accepted_ms)},
          {"suggested_time_limit_ms", optional(check.suggested_time_limit_ms)},
          {"submissions", subs},
          {"problems", check.problems},
          {"notes", check.notes}};
}

}  // namespace proctor::authoring
