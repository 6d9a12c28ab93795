#pragma once
// `proctor exercise validate`: everything that can be wrong with a package before a candidate sees it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/verdict.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::authoring {

struct SubmissionCheck {
  std::string file;                    // relative to submissions/, e.g. "accepted/ref.c"
  std::string expected;                // e.g. "AC", "TLE"
  std::optional<runner::Verdict> got;  // overall verdict at the package's own limits; none: not graded
  std::uint64_t max_time_us = 0;       // CPU time, max over the tests that ran
  std::uint64_t max_time_ms() const { return sandbox::whole_ms(max_time_us); }
  std::uint64_t max_memory_kb = 0;
  std::uint64_t graded_time_limit_ms = 0;  // raised for time_limit_exceeded (see validate_submission.cpp)
  std::string problem;                     // empty: the submission keeps its promise
  std::string deciding_test;               // the first test that did not pass; empty: all passed
  bool deciding_sample = false;            // ... and it is a sample
  std::string note;                        // worth knowing, not wrong
};

struct PackageCheck {
  std::filesystem::path dir;
  std::string id, title;
  bool loaded = false;
  std::uint64_t time_limit_ms = 0, memory_mb = 0;
  std::size_t samples = 0, secrets = 0;
  std::optional<std::uint64_t> slowest_accepted_ms;  // over the accepted submissions that got AC
  std::optional<std::uint64_t> suggested_time_limit_ms;
  std::vector<SubmissionCheck> submissions;
  std::vector<std::string> problems;  // package-level; each makes the package invalid
  std::vector<std::string> notes;     // worth knowing, not wrong

  bool ok() const;
};

struct ValidateOptions {
  unsigned jobs = 0;  // tests in parallel per submission; 0: one per core
  std::function<void(const std::string&)> on_progress;
};

// Never throws for a bad package (that is what it reports); throws UserError when `dir` is not a
// readable directory at all.
PackageCheck validate_package(sandbox::Sandbox& sandbox, const std::filesystem::path& dir,
                              const ValidateOptions& options);

// Grades one submission against its directory's promise (validate_submission.cpp).
SubmissionCheck check_submission(sandbox::Sandbox& sandbox, const runner::Exercise& exercise,
                                 const std::string& dir, const std::filesystem::path& file, unsigned jobs);

// ceil(2 x slowest, 100 ms): the limit the docs recommend for a reference of that speed.
std::uint64_t suggested_time_limit(std::uint64_t slowest_ms);

void print_package_check(std::ostream& out, const PackageCheck& check);
nlohmann::json to_json(const PackageCheck& check);

}  // namespace proctor::authoring
