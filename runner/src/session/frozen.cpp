#include "session/frozen.hpp"

#include "proctor/runner/error.hpp"

namespace proctor::session {
namespace {
std::string short_sha(const std::string& sha) {
  return sha.substr(0, 12);
}
}  // namespace

runner::Exercise load_frozen_package(const SessionFiles& files, const Session& session) {
  runner::Exercise exercise = runner::load_exercise(files.package());
  std::string sha = runner::package_sha256(exercise);
  if (sha != session.package_sha256) {
    throw runner::UserError(files.package(),
                            "the frozen copy of the package changed since the session started (sha256 " +
                                short_sha(session.package_sha256) + " -> " + short_sha(sha) +
                                "); refusing to grade");
  }
  return exercise;
}

OriginalCheck check_original_package(const Session& session) {
  OriginalCheck check;
  std::error_code ec;
  if (!std::filesystem::exists(session.exercise_path, ec)) {
    check.changed = true;
    check.note = session.exercise_path.string() + ": the original package is gone; graded the frozen copy";
    return check;
  }
  try {
    std::string sha = runner::package_sha256(runner::load_exercise(session.exercise_path));
    if (sha != session.package_sha256) {
      check.changed = true;
      check.note = session.exercise_path.string() +
                   ": the package changed since the session started (sha256 " +
                   short_sha(session.package_sha256) + " -> " + short_sha(sha) + "); graded the frozen copy";
    }
  } catch (const std::exception& e) {
    check.changed = true;
    check.note = std::string(e.what()) + " (the original no longer loads; graded the frozen copy)";
  }
  return check;
}

}  // namespace proctor::session
