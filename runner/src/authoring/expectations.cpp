// The overall verdict is the first non-AC test in test order (as grade() decides it), so "gets WA"
// means the first failure is a wrong answer: a later crash does not matter, an earlier one does.
#include "authoring/expectations.hpp"

#include <algorithm>
#include <map>

namespace proctor::authoring {

std::optional<Expectation> expectation_for(const std::string& dir) {
  static const std::map<std::string, std::string> kVerdicts = {
      {"accepted", "AC"},
      {"wrong_answer", "WA"},
      {"time_limit_exceeded", "TLE"},
      {"memory_limit_exceeded", "MLE"},
      {"run_time_error", "RTE"},
      {"compile_error", "CE"},
      {"output_limit_exceeded", "OLE"},
      // Kattis only: weaker promises, see judge().
      {"partially_accepted", "some AC"},
      {"rejected", "not AC"},
      {"brute_force", "TLE|RTE"},
  };
  auto it = kVerdicts.find(dir);
  if (it == kVerdicts.end()) return std::nullopt;
  return Expectation{dir, it->second};
}

std::string judge(const Expectation& expected, const std::string& overall,
                  const std::vector<std::string>& tests) {
  if (overall == "JE") return "judge error";
  if (expected.dir == "rejected") return overall == "AC" ? "accepted, expected a failure" : "";
  if (expected.dir == "brute_force") {
    return overall == "TLE" || overall == "RTE" ? "" : "got " + overall + ", expected TLE or RTE";
  }
  if (expected.dir == "partially_accepted") {
    if (overall == "AC") return "accepted, expected a failure";
    bool some = std::find(tests.begin(), tests.end(), "AC") != tests.end();
    return some ? "" : "passes no test, expected some";
  }
  if (overall != expected.verdict) return "got " + overall + ", expected " + expected.verdict;
  return "";
}

}  // namespace proctor::authoring
