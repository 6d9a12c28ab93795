#pragma once
// Small helpers to read and write cgroup control files: by path (one-off), or through a descriptor kept
// open for the life of a pooled cgroup (one pread or pwrite per access, no path lookup).
#include <cstdint>
#include <optional>
#include <string>

namespace proctor::sandbox::cgfs {

bool write_file(const std::string& path, const std::string& value);
std::optional<std::string> read_file(const std::string& path);
std::optional<std::uint64_t> read_u64(const std::string& path);
// The number after `key` in a "key value" per line file (memory.events, memory.oom_control, pids.events).
std::optional<std::uint64_t> read_keyed(const std::string& path, const std::string& key);
bool writable_dir(const std::string& path);

// The number after `key` in "key value" lines, or the first number when `key` is empty.
std::optional<std::uint64_t> parse_u64(const char* text, const char* key);

// One control file, opened once. Absent files (a controller option the kernel lacks) stay closed and
// read as nullopt.
class ControlFile {
 public:
  ControlFile() = default;
  ControlFile(const std::string& path, bool writable);
  ~ControlFile();
  ControlFile(ControlFile&& other) noexcept;
  ControlFile& operator=(ControlFile&& other) noexcept;
  ControlFile(const ControlFile&) = delete;
  ControlFile& operator=(const ControlFile&) = delete;

  bool is_open() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  std::optional<std::uint64_t> read_u64(const char* key = "") const;
  bool write(std::uint64_t value) const;

 private:
  int fd_ = -1;
};

}  // namespace proctor::sandbox::cgfs
