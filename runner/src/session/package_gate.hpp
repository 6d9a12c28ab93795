#pragma once
// `session start` refuses a package that fails `proctor exercise validate`: a candidate must never sit
// an exercise whose tests or reference are wrong. Validation grades every bundled submission, so a
// package that passed is remembered by its sha256 (SESSIONS/.validated/<sha256>) and not graded again
// until it changes.
#include <filesystem>
#include <functional>
#include <string>

namespace proctor::session {

struct GateOutcome {
  bool cached = false;  // this exact package (same sha256) passed before
};

// Throws runner::UserError naming the package and its first problem (and how many more) when it fails
// validation. `progress` receives validate's progress lines (may be empty).
GateOutcome require_valid_package(const std::filesystem::path& sessions_root,
                                  const std::filesystem::path& package,
                                  const std::function<void(const std::string&)>& progress);

}  // namespace proctor::session
