#include "fs/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "fs/unique_fd.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::fs {
namespace {

// Reads up to `limit` bytes into `out`; false with errno set on a read error.
bool read_up_to(int fd, std::string& out, std::uint64_t limit) {
  char buf[65536];
  while (out.size() < limit) {
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buf, limit - out.size()));
    ssize_t n = ::read(fd, buf, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  UniqueFd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) throw runner::UserError(path, std::string("cannot read: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) throw runner::UserError(path, "not a regular file");
  std::string out;
  // One byte beyond the cap tells "exactly the cap" from "larger", even for a file still growing.
  if (!read_up_to(f.fd, out, max_bytes + 1)) {
    throw runner::UserError(path, std::string("cannot read: ") + std::strerror(errno));
  }
  if (out.size() > max_bytes)
    throw runner::UserError(path, "larger than " + std::to_string(max_bytes) + " bytes");
  return out;
}

Prefix read_prefix(const std::filesystem::path& path, std::uint64_t limit) {
  Prefix prefix;
  UniqueFd f{::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)};
  if (f.fd < 0) return prefix;
  struct stat st {};
  if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return prefix;
  read_up_to(f.fd, prefix.bytes, limit);
  prefix.size = std::max<std::uint64_t>(static_cast<std::uint64_t>(st.st_size), prefix.bytes.size());
  return prefix;
}

}  // namespace proctor::fs
