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
