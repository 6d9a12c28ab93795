#pragma once
// Small helpers to read and write cgroup control files.
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

}  // namespace proctor::sandbox::cgfs
