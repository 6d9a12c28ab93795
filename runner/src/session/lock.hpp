#pragma once
// An exclusive flock on sessions/<id>/lock, held while a command changes the session. The kernel drops
// it when the process dies (even by kill -9), so a crash never leaves a session locked forever.
#include <filesystem>
#include <memory>

namespace proctor::session {

class SessionLock {
 public:
  // Blocks until the lock is free. Throws runner::UserError naming the lock file if it cannot be opened.
  explicit SessionLock(const std::filesystem::path& lock_file) : SessionLock(lock_file, true) {}
  ~SessionLock();
  SessionLock(const SessionLock&) = delete;
  SessionLock& operator=(const SessionLock&) = delete;

  // Returns nullptr when another process holds the lock (used by `list`, which must not wait).
  static std::unique_ptr<SessionLock> try_lock(const std::filesystem::path& lock_file);

 private:
  SessionLock(const std::filesystem::path& lock_file, bool wait);
  int fd_ = -1;
  bool locked_ = false;
};

}  // namespace proctor::session
