// The overall verdict is the first non-AC test in test order (as grade() decides it), so "gets WA"
// means the first failure is a wrong answer: a later crash does not matter, an earlier one does.
#include "authoring/expectations.hpp"

#include <algorithm>
#include <map>

namespace proctor::authoring {

using runner::Verdict;

std::optional<Expectation> expectation_for(const std::string& dir) {
  static const std::map<std::string, std::optional<Verdict>> kExact = {
      {"accepted", Verdict::AC},
      {"wrong_answer", Verdict::WA},
      {"time_limit_exceeded", Verdict::TLE},
      {"memory_limit_exceeded", Verdict::MLE},
      {"run_time_error", Verdict::RTE},
      {"compile_error", Verdict::CE},
      {"output_limit_exceeded", Verdict::OLE},
      // Kattis only: weaker promises, see judge().
      {"partially_accepted", std::nullopt},
      {"rejected", std::nullopt},
      {"brute_force", std::nullopt},
      // DOMjudge's spellings.
      {"compiler_error", Verdict::CE},
      {"no_output", Verdict::WA},
      {"output_limit", Verdict::OLE},
  };
  auto it = kExact.find(dir);
  if (it == kExact.end()) return std::nullopt;
  std::string shown = it->second                    ? std::string(runner::to_string(*it->second))
                      : dir == "partially_accepted" ? "some AC"
                      : dir == "rejected"           ? "not AC"
                                                    : "TLE|RTE";
  return Expectation{dir, it->second, shown};
}

std::string judge(const Expectation& expected, Verdict overall,
                  const std::vector<runner::TestResult>& tests) {
  const std::string got(runner::to_string(overall));
  if (overall == Verdict::JE) return "judge error";
  if (expected.dir == "rejected") return overall == Verdict::AC ? "accepted, expected a failure" : "";
  if (expected.dir == "brute_force") {
    return overall == Verdict::TLE || overall == Verdict::RTE ? "" : "got " + got + ", expected TLE or RTE";
  }
  if (expected.dir == "partially_accepted") {
    if (overall == Verdict::AC) return "accepted, expected a failure";
    bool some =
        std::any_of(tests.begin(), tests.end(), [](const auto& t) { return t.verdict == Verdict::AC; });
    return some ? "" : "passes no test, expected some";
  }
  if (expected.exact && overall != *expected.exact) return "got " + got + ", expected " + expected.shown;
  return "";
}

}  // namespace proctor::authoring

namespace proctor::authoring {

namespace {

// Kattis knows four test verdicts; Proctor's finer run-time ones count as RTE.
Verdict kattis_verdict(Verdict v) {
  return v == Verdict::MLE || v == Verdict::OLE || v == Verdict::SV ? Verdict::RTE : v;
}

bool contains(const std::vector<Verdict>& list, Verdict item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string joined(const std::vector<Verdict>& list, const char* sep) {
  std::string out;
  for (Verdict v : list) out += (out.empty() ? "" : sep) + std::string(runner::to_string(v));
  return out;
}

}  // namespace

std::string shown(const runner::SubmissionExpectation& e) {
  if (!e.overall.empty()) return joined(e.overall, "|");
  std::string out = e.permitted.empty() ? "" : "only " + joined(e.permitted, ",");
  for (const auto& r : e.required) out += (out.empty() ? "" : "; ") + std::string("some ") + joined(r, "|");
  return out.empty() ? "any" : out;
}

std::string judge_stated(const runner::SubmissionExpectation& e, Verdict overall,
                         const std::vector<runner::TestResult>& tests) {
  const std::string got(runner::to_string(overall));
  if (overall == Verdict::JE) return "judge error";
  if (!e.overall.empty()) {
    return contains(e.overall, overall)
               ? ""
               : "got " + got + ", " + e.source + " expects " + joined(e.overall, " or ");
  }
  if (overall == Verdict::CE) return "does not compile";
  for (const runner::TestResult& t : tests) {
    if (t.verdict == Verdict::skipped) continue;
    if (!e.permitted.empty() && !contains(e.permitted, kattis_verdict(t.verdict))) {
      return "test " + t.name + " got " + std::string(runner::to_string(t.verdict)) + ", " + e.source +
             " permits only " + joined(e.permitted, ", ");
    }
  }
  for (const auto& required : e.required) {
    bool some = std::any_of(tests.begin(), tests.end(), [&](const runner::TestResult& t) {
      return t.verdict != Verdict::skipped && contains(required, kattis_verdict(t.verdict));
    });
    if (!some) return "no test got " + joined(required, " or ") + " (" + e.source + " requires one)";
  }
  return "";
}

}  // namespace proctor::authoring
