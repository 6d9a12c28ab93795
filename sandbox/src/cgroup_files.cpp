#include "cgroup_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <sstream>

namespace proctor::sandbox::cgfs {

bool write_file(const std::string& path, const std::string& value) {
  int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, value.data(), value.size()) == static_cast<ssize_t>(value.size());
  close(fd);
  return ok;
}

std::optional<std::string> read_file(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(fd);
  if (n < 0) return std::nullopt;
  return out;
}

std::optional<std::uint64_t> read_u64(const std::string& path) {
  auto text = read_file(path);
  if (!text) return std::nullopt;
  try {
    return std::stoull(*text);
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<std::uint64_t> read_keyed(const std::string& path, const std::string& key) {
  auto text = read_file(path);
  if (!text) return std::nullopt;
  std::istringstream in(*text);
  std::string k;
  std::uint64_t v;
  while (in >> k >> v) {
    if (k == key) return v;
  }
  return std::nullopt;
}

bool writable_dir(const std::string& path) { return access(path.c_str(), W_OK | X_OK) == 0; }

}  // namespace proctor::sandbox::cgfs
