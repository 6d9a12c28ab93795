// One submission against its promise. The sandbox kills a run at the time limit, so a run graded at
// the package's own limit can never show that a time_limit_exceeded submission is "clearly" too slow.
// Those are graded once at 1.5 x the limit instead: a test that still times out is the required
// evidence, and the verdicts at the real limit follow from the same run (a test slower than the
// limit would have been a TLE there, any other test gets the verdict it got).
#include <algorithm>
#include <cmath>

#include "authoring/expectations.hpp"
#include "authoring/validate.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/grade.hpp"
#include "text/units.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;
using runner::Verdict;

namespace {

std::uint64_t scaled(std::uint64_t ms, double factor) {
  return static_cast<std::uint64_t>(std::ceil(static_cast<double>(ms) * factor));
}

std::string mib(std::uint64_t kb) {
  return std::to_string((kb + 1023) / 1024) + " MiB";
}

// ", time limit 1000 ms" for a verdict that is a limit, so that a failing reference says which one.
std::string limit_named(const runner::Exercise& exercise, Verdict verdict) {
  switch (verdict) {
    case Verdict::TLE:
      return ", time limit " + std::to_string(exercise.limits.time_ms) + " ms";
    case Verdict::MLE:
      return ", memory limit " + std::to_string(exercise.limits.memory_mb) + " MiB";
    case Verdict::OLE:
      return ", output limit " + std::to_string(exercise.limits.output_kb) + " KiB";
    default:
      return "";
  }
}

}  // namespace

std::uint64_t suggested_time_limit(std::uint64_t slowest_ms) {
  return std::max<std::uint64_t>(100, (2 * slowest_ms + 99) / 100 * 100);
}

SubmissionCheck check_submission(sandbox::Sandbox& sandbox, const runner::Exercise& exercise,
                                 const std::string& dir, const fs::path& file, unsigned jobs) {
  SubmissionCheck check;
  check.file = dir + "/" + file.filename().string();
  auto stated_it = exercise.expectations.find(file);
  const runner::SubmissionExpectation* stated =
      stated_it == exercise.expectations.end() ? nullptr : &stated_it->second;
  const std::optional<Expectation> expected = expectation_for(dir);
  if (!expected && !stated) {
    check.problem = "no rule for submissions/" + dir;
    return check;
  }
  check.expected = stated ? shown(*stated) : expected->shown;
  const std::uint64_t limit = exercise.limits.time_ms;
  // A stated TLE promise is graded like the directory's: at 1.5 x the limit.
  const bool tle =
      stated ? (stated->overall == std::vector{runner::Verdict::TLE} ||
                (!stated->required.empty() && stated->required.front() == std::vector{runner::Verdict::TLE}))
             : dir == "time_limit_exceeded";

  runner::Exercise graded = exercise;  // a copy: the raised limit must not leak into other runs
  if (tle) {
    graded.limits.time_ms = scaled(limit, 1.5);
    if (graded.limits.wall_ms) graded.limits.wall_ms = scaled(*graded.limits.wall_ms, 1.5);
  }
  check.graded_time_limit_ms = graded.limits.time_ms;

  runner::GradeOptions options;
  options.tests = runner::TestSelection::all;
  options.jobs = jobs;
  // Every promise is decided by the first failing test in order, and grade() runs every test before
  // the one that stops it, so stopping early changes no verdict and saves the slow runs.
  // Kattis's per-test rules (submissions.yaml) need every test.
  options.fail_fast = !(stated && stated->overall.empty());
  runner::GradeResult result;
  try {
    result = runner::grade(sandbox, graded, file, options);
  } catch (const runner::UserError& e) {
    check.problem = e.what();
    return check;
  }

  // The verdicts at the package's own limit: a test slower than it would have been a TLE there, any
  // other test gets the verdict it got; the overall verdict follows by grade()'s own rule.
  bool beyond = false;  // some test exceeded the raised limit
  std::vector<runner::TestResult> at_limit = result.tests;
  for (runner::TestResult& t : at_limit) {
    if (t.verdict == Verdict::skipped) continue;
    // A graded run always measured microseconds (only a stored result can lack them).
    check.max_time_us = std::max(check.max_time_us, t.time.us().value_or(t.time.ms() * 1000));
    check.max_memory_kb = std::max(check.max_memory_kb, t.memory_kb);
    if (tle) {
      beyond = beyond || t.verdict == Verdict::TLE;
      if (t.time.ms() > limit) t.verdict = Verdict::TLE;
    }
  }
  const Verdict overall = runner::overall_verdict(result.compile.status, result.error.has_value(), at_limit);
  check.got = overall;
  for (const runner::TestResult& t : at_limit) {
    if (t.verdict != Verdict::AC && t.verdict != Verdict::skipped) {
      check.deciding_test = t.name;
      check.deciding_sample = t.visibility == runner::Visibility::sample;
      break;
    }
  }
  check.problem = stated ? judge_stated(*stated, overall, at_limit) : judge(*expected, overall, at_limit);
  if (overall == Verdict::JE && result.error) check.problem += ": " + *result.error;
  if (!check.problem.empty()) {
    if (!check.deciding_test.empty() && check.problem.rfind("test ", 0) != 0) {
      check.problem += " (first on " + check.deciding_test + limit_named(exercise, overall) + ")";
    }
    return check;
  }
  // A failure only a sample catches is one candidates see coming: the hidden tests should catch it too.
  if (check.deciding_sample && !exercise.secrets.empty() && overall != Verdict::CE) {
    runner::GradeOptions again = options;
    again.fail_fast = false;
    try {
      runner::GradeResult full = runner::grade(sandbox, graded, file, again);
      bool secret_fails = std::any_of(full.tests.begin(), full.tests.end(), [](const runner::TestResult& t) {
        return t.visibility == runner::Visibility::secret && t.verdict != Verdict::AC &&
               t.verdict != Verdict::skipped;
      });
      if (!secret_fails)
        check.note = "caught only by the samples (" + check.deciding_test + "): every secret test passes";
    } catch (const runner::UserError&) {
    }
  }

  if (dir == "accepted") {
    if (2 * check.max_time_ms() > limit) {
      check.problem = "takes " + std::to_string(check.max_time_ms()) + " ms, more than half the " +
                      std::to_string(limit) + " ms limit";
    } else if (2 * check.max_memory_kb > exercise.limits.memory_mb * 1024) {
      check.problem = "uses " + mib(check.max_memory_kb) + ", more than half the " +
                      std::to_string(exercise.limits.memory_mb) + " MiB limit";
    }
  } else if (tle && !beyond) {
    check.problem = "never exceeds 1.5 x the limit (" + std::to_string(graded.limits.time_ms) +
                    " ms); slowest test " + text::format_time_us(check.max_time_us);
  }
  return check;
}

}  // namespace proctor::authoring
