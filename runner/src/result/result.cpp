#include "proctor/runner/result.hpp"

namespace proctor::runner {

Verdict overall_verdict(CompileStatus compile, bool judge_error, const std::vector<TestResult>& tests) {
  if (compile == CompileStatus::JE) return Verdict::JE;
  if (compile != CompileStatus::OK) return Verdict::CE;
  if (judge_error) return Verdict::JE;
  for (const TestResult& t : tests) {
    if (t.verdict == Verdict::JE) return Verdict::JE;
  }
  for (const TestResult& t : tests) {
    if (t.verdict != Verdict::AC && t.verdict != Verdict::skipped) return t.verdict;
  }
  return Verdict::AC;
}

SampleCount count_samples(const GradeResult& result) {
  SampleCount count;
  for (const TestResult& t : result.tests) {
    if (t.visibility != Visibility::sample) continue;
    ++count.total;
    if (t.verdict == Verdict::AC) ++count.passed;
  }
  return count;
}

bool passed_every_sample(bool late, std::optional<int> passed, std::optional<int> total) {
  return !late && total && *total > 0 && passed == total;
}

}  // namespace proctor::runner
