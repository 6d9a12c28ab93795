#include "session/start.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "fs/atomic_write.hpp"
#include "fs/copy_tree.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::session {
namespace {

namespace stdfs = std::filesystem;
using runner::UserError;

void check_candidate(const std::string& name) {
  if (name.empty()) throw UserError("--candidate must not be empty");
  if (name.size() > 200) throw UserError("--candidate is longer than 200 characters");
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) throw UserError("--candidate contains a control character");
  }
}

// Starting a session from inside its own package (cd exercise && proctor session start .) would copy
// the staging directory into itself.
void check_not_nested(const stdfs::path& package, const stdfs::path& root) {
  std::error_code ec;
  stdfs::path p = stdfs::weakly_canonical(package, ec);
  stdfs::path r = stdfs::weakly_canonical(stdfs::absolute(root, ec), ec);
  auto mismatch = std::mismatch(p.begin(), p.end(), r.begin(), r.end());
  if (mismatch.first == p.end()) {
    throw UserError(root, "the sessions directory is inside the package; use --sessions elsewhere");
  }
}

void make_workspace(const runner::Exercise& exercise, const SessionFiles& files) {
  stdfs::create_directory(files.workspace());
  if (!exercise.statement.empty()) {
    stdfs::copy_file(exercise.statement, files.workspace() / exercise.statement.filename());
  }
  std::string starter = exercise.starter.empty() ? "/* " + exercise.title + ": write your solution here. */\n"
                                                 : fs::read_file(exercise.starter);
  fs::atomic_write(files.solution(), starter);
  // Function exercises compile against the package's headers; the candidate needs them to edit.
  if (!exercise.include_dir.empty() && stdfs::is_directory(exercise.include_dir)) {
    fs::copy_tree(exercise.include_dir, files.workspace() / "include");
  }
}

}  // namespace

Session start_session(const stdfs::path& root, const StartOptions& options) {
  check_candidate(options.candidate);
  std::error_code ec;
  stdfs::path package = stdfs::absolute(options.exercise_dir, ec);
  if (ec || !stdfs::is_directory(package)) throw UserError(options.exercise_dir, "not an exercise directory");
  runner::Exercise exercise = runner::load_exercise(package);
  std::string sha = runner::package_sha256(exercise);

  check_not_nested(package, root);
  stdfs::create_directories(root, ec);
  if (ec) throw UserError(root, "cannot create sessions directory: " + ec.message());

  Session s;
  s.candidate = options.candidate;
  s.exercise_path = package;
  s.exercise_id = exercise.id;
  s.exercise_title = exercise.title;
  s.package_sha256 = sha;
  auto duration =
      options.duration ? *options.duration : std::chrono::seconds(exercise.duration_minutes * 60LL);
  if (duration.count() <= 0)
    throw UserError(package, "duration_minutes must be positive (or pass --duration)");

  for (int attempt = 0; attempt < 20; ++attempt) {
    s.id = new_id();
    stdfs::path staging = root / (".staging-" + s.id + "-" + std::to_string(::getpid()));
    stdfs::remove_all(staging, ec);
    SessionFiles files{staging};
    try {
      // Private to the interviewer's account: the package inside holds the hidden tests and the
      // reference solutions, and other local users have no business reading either.
      if (::mkdir(staging.c_str(), 0700) != 0) {
        throw UserError(staging, std::string("cannot create session: ") + std::strerror(errno));
      }
      fs::copy_tree(package, files.package());
      make_workspace(exercise, files);
      stdfs::create_directory(files.submissions());
      fs::atomic_write(files.lock(), "");
      // The clock starts once the package is frozen: a slow copy does not eat the candidate's time.
      s.started_at = now();
      s.deadline = s.started_at + std::chrono::duration_cast<std::chrono::milliseconds>(duration);
      save_session(files, s);
      fs::sync_filesystem(staging);
    } catch (const stdfs::filesystem_error& e) {
      stdfs::remove_all(staging, ec);
      throw UserError(e.path1(), "cannot create session: " + e.code().message());
    } catch (...) {
      stdfs::remove_all(staging, ec);
      throw;
    }
    // rename() refuses a non-empty target: an id collision just means another draw.
    if (::rename(staging.c_str(), (root / s.id).c_str()) == 0) {
      fs::fsync_directory(root);
      return s;
    }
    int err = errno;
    stdfs::remove_all(staging, ec);
    if (err != EEXIST && err != ENOTEMPTY) {
      throw UserError(root / s.id, std::string("cannot create session: ") + std::strerror(err));
    }
  }
  throw runner::InternalError("could not find a free session id");
}

}  // namespace proctor::session
