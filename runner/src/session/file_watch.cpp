#include "session/file_watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "proctor/runner/error.hpp"

namespace proctor::session {

FileWatch::FileWatch(const std::filesystem::path& dir, std::string name) : name_(std::move(name)) {
  fd_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd_ < 0) throw runner::InternalError(std::string("inotify_init1: ") + std::strerror(errno));
  constexpr uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
  if (inotify_add_watch(fd_, dir.c_str(), mask) < 0) {
    int err = errno;
    ::close(fd_);
    throw runner::UserError(dir, std::string("cannot watch the directory: ") + std::strerror(err));
  }
}

FileWatch::~FileWatch() {
  ::close(fd_);
}

FileWatch::Event FileWatch::wait(std::chrono::milliseconds timeout) {
  pollfd p{fd_, POLLIN, 0};
  int rc = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (rc <= 0) return Event::none;
  alignas(inotify_event) char buf[4096];
  Event result = Event::none;
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (char* at = buf; at < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(at);
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) return Event::directory_gone;
      if (ev->len > 0 && name_ == ev->name) result = Event::saved;
      at += sizeof(inotify_event) + ev->len;
    }
  }
  return result;
}

}  // namespace proctor::session
