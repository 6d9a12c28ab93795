#include "session/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "proctor/runner/error.hpp"

namespace proctor::session {

SessionLock::SessionLock(const std::filesystem::path& lock_file, bool wait) {
  // O_CLOEXEC: the sandbox forks compilers and candidates; none of them may inherit (and so hold) the lock.
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw runner::UserError(lock_file, std::string("cannot open lock: ") + std::strerror(errno));
  int rc;
  do {
    rc = ::flock(fd_, LOCK_EX | (wait ? 0 : LOCK_NB));
  } while (rc != 0 && errno == EINTR);
  if (rc == 0) {
    locked_ = true;
  } else if (wait || errno != EWOULDBLOCK) {
    int err = errno;
    ::close(fd_);
    throw runner::UserError(lock_file, std::string("cannot lock: ") + std::strerror(err));
  }
}

SessionLock::~SessionLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the only descriptor releases the flock
}

std::unique_ptr<SessionLock> SessionLock::try_lock(const std::filesystem::path& lock_file) {
  std::unique_ptr<SessionLock> lock(new SessionLock(lock_file, false));
  if (!lock->locked_) return nullptr;
  return lock;
}

}  // namespace proctor::session
