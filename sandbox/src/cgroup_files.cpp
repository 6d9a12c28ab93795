#include "cgroup_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <utility>

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

std::optional<std::uint64_t> parse_u64(const char* text, const char* key) {
  const std::size_t key_len = std::strlen(key);
  for (const char* line = text; *line;) {
    const char* end = std::strchr(line, '\n');
    if (!end) end = line + std::strlen(line);
    const char* number = line;
    if (key_len == 0 || (std::strncmp(line, key, key_len) == 0 && line[key_len] == ' ')) {
      number = line + key_len;
      while (number < end && *number == ' ') ++number;
      std::uint64_t value = 0;
      auto [ptr, ec] = std::from_chars(number, end, value);
      if (ec == std::errc() && ptr != number) return value;
      if (key_len == 0) return std::nullopt;
    }
    line = *end ? end + 1 : end;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> read_u64(const std::string& path) {
  auto text = read_file(path);
  if (!text) return std::nullopt;
  return parse_u64(text->c_str(), "");
}

std::optional<std::uint64_t> read_keyed(const std::string& path, const std::string& key) {
  auto text = read_file(path);
  if (!text) return std::nullopt;
  return parse_u64(text->c_str(), key.c_str());
}

bool writable_dir(const std::string& path) { return access(path.c_str(), W_OK | X_OK) == 0; }

ControlFile::ControlFile(const std::string& path, bool writable)
    : fd_(open(path.c_str(), (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC)) {}

ControlFile::~ControlFile() {
  if (fd_ >= 0) close(fd_);
}

ControlFile::ControlFile(ControlFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

ControlFile& ControlFile::operator=(ControlFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

std::optional<std::uint64_t> ControlFile::read_u64(const char* key) const {
  if (fd_ < 0) return std::nullopt;
  char buf[512];  // the files read this way are a few short lines
  const ssize_t n = pread(fd_, buf, sizeof buf - 1, 0);
  if (n <= 0) return std::nullopt;
  buf[n] = '\0';
  return parse_u64(buf, key);
}

bool ControlFile::write(std::uint64_t value) const {
  if (fd_ < 0) return false;
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  const auto len = static_cast<std::size_t>(end - buf);
  return ec == std::errc() && pwrite(fd_, buf, len, 0) == static_cast<ssize_t>(len);
}

}  // namespace proctor::sandbox::cgfs
