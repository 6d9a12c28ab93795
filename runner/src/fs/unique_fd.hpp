#pragma once
// A file descriptor closed when it goes out of scope (the module's readers and copiers use it).
#include <unistd.h>

namespace proctor::fs {

struct UniqueFd {
  int fd;
  explicit UniqueFd(int descriptor) : fd(descriptor) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace proctor::fs
