#pragma once
// What a submissions/<dir>/ name promises about the files in it, and whether a graded run keeps that
// promise. The directory names are Kattis's; Proctor packages use the first seven.
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/result.hpp"

namespace proctor::authoring {

struct Expectation {
  std::string dir;                       // e.g. "wrong_answer"
  std::optional<runner::Verdict> exact;  // the one overall verdict promised, when there is one
  std::string shown;                     // what the table shows as "expected": "WA", "not AC", "TLE|RTE"
};

// nullopt for a directory name no rule exists for (the loader already refuses those).
std::optional<Expectation> expectation_for(const std::string& dir);

// Per-test results in test order (skipped ones are ignored). Returns an empty string when the run keeps
// the promise, else the problem in a few words.
std::string judge(const Expectation& expected, runner::Verdict overall,
                  const std::vector<runner::TestResult>& tests);

// A stated expectation (@EXPECTED_RESULTS@ or submissions.yaml) as the table shows it: "WA|TLE",
// "only AC,WA; some WA".
std::string shown(const runner::SubmissionExpectation& expected);

// The same for a stated expectation: DOMjudge's is on the overall verdict, Kattis's on every test (all
// tests must have run).
std::string judge_stated(const runner::SubmissionExpectation& expected, runner::Verdict overall,
                         const std::vector<runner::TestResult>& tests);

}  // namespace proctor::authoring
