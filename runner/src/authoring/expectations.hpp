#pragma once
// What a submissions/<dir>/ name promises about the files in it, and whether a graded run keeps that
// promise. The directory names are Kattis's; Proctor packages use the first seven.
#include <optional>
#include <string>
#include <vector>

namespace proctor::authoring {

struct Expectation {
  std::string dir;      // e.g. "wrong_answer"
  std::string verdict;  // what the table shows as "expected", e.g. "WA"; "not AC" for rejected
};

// nullopt for a directory name no rule exists for (the loader already refuses those).
std::optional<Expectation> expectation_for(const std::string& dir);

// Per-test verdicts in test order ("skipped" entries are ignored). Returns an empty string when the
// run keeps the promise, else the problem in a few words.
std::string judge(const Expectation& expected, const std::string& overall,
                  const std::vector<std::string>& tests);

}  // namespace proctor::authoring
