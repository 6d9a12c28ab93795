#pragma once
// `session start`: freezes the package, prepares the candidate's workspace and records the deadline.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "session/session.hpp"

namespace proctor::session {

struct StartOptions {
  std::filesystem::path exercise_dir;
  std::string candidate;
  std::optional<std::chrono::seconds> duration;  // default: the exercise's duration_minutes
};

// Builds the whole session in a hidden staging directory and renames it into place, so a crash leaves
// either no session or a complete one. Throws runner::UserError for a bad package or candidate name.
Session start_session(const std::filesystem::path& root, const StartOptions& options);

}  // namespace proctor::session
