#include "fs/private_copy.hpp"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "fs/unique_fd.hpp"

namespace proctor::fs {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const char* what) {
  throw std::runtime_error(file.string() + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

void private_copy(const std::filesystem::path& from, const std::filesystem::path& to) {
  UniqueFd in{open(from.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) fail(from, "cannot open");
  struct stat st {};
  if (fstat(in.fd, &st) != 0) fail(from, "cannot stat");
  if (unlink(to.c_str()) != 0 && errno != ENOENT) fail(to, "cannot replace");
  UniqueFd out{open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
  if (out.fd < 0) fail(to, "cannot create");
  off_t offset = 0;
  while (offset < st.st_size) {
    ssize_t n = sendfile(out.fd, in.fd, &offset, static_cast<std::size_t>(st.st_size - offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(to, "cannot copy");
    if (n == 0) break;  // the source shrank
  }
}

}  // namespace proctor::fs
