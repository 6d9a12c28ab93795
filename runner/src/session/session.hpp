#pragma once
// A session as kept in sessions/<id>/session.json: who, which frozen package, when, and every
// submission received. The file is the only state; every command reloads it under the session lock.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "proctor/runner/result.hpp"
#include "session/clock.hpp"
#include "session/events.hpp"
#include "session/paths.hpp"

namespace proctor::session {

inline constexpr const char* kSessionFormat = "proctor-session/1";

struct Submission {
  int n = 0;               // 1-based, in the order the runner stored them
  std::string file;        // relative to the session directory, e.g. "submissions/003.c"
  Instant submitted_at{};  // when the runner received it (never the file's mtime)
  std::string sha256;
  std::uint64_t bytes = 0;
  bool late = false;  // received after the deadline or after finish: stored, never graded
  // Sample results; empty when late, or when grading was interrupted (kill -9) or failed.
  std::optional<int> sample_passed;
  std::optional<int> sample_total;
  std::optional<runner::Verdict> verdict;
  std::string error;  // why the samples could not be graded, if they could not
};

struct Session {
  std::string id;
  std::string candidate;
  std::filesystem::path exercise_path;  // the original package, absolute
  std::string exercise_id;
  std::string exercise_title;
  std::string package_sha256;  // of the package at start; the frozen copy must still match it
  Instant started_at{};
  Instant deadline{};
  bool finished = false;
  std::optional<Instant> finished_at;
  std::string finished_by;       // "deadline" | "interviewer"
  bool package_changed = false;  // the original package differed from the frozen copy at finish
  std::vector<Submission> submissions;
  std::vector<Event> events;  // extensions, notes, gradings, oldest first (events.hpp)
  // Cached from result.json so `list` need not open every result.
  std::optional<runner::Verdict> final_verdict;
  std::optional<runner::Score> final_score;

  bool expired(Instant at) const { return at >= deadline; }
  // The submission finish grades: the last one received on time, if any.
  const Submission* last_on_time() const;
  int next_number() const;
  const Submission* find(int n) const;  // nullptr when there is no submission n
  // The latest grading (finish or re-grade), if the session was graded.
  const Graded* last_grading() const;
  // The deadline before any extension.
  Instant original_deadline() const;
};

nlohmann::json to_json(const Session& session);

// Throws runner::UserError naming session.json when it is missing, unreadable or corrupted.
Session load_session(const SessionFiles& files);
// Atomic (temp + rename + fsync): a kill -9 leaves the previous or the new state, never a torn file.
void save_session(const SessionFiles& files, const Session& session);

}  // namespace proctor::session
