#pragma once
// The one home of bounded file reads, so a runaway or hostile file cannot exhaust memory.
#include <cstdint>
#include <filesystem>
#include <string>

namespace proctor::fs {

// The whole file. Throws runner::UserError naming `path` when it is missing, unreadable, not a regular
// file or larger than `max_bytes`.
std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes = 64ull << 20);

struct Prefix {
  std::string bytes;       // at most the limit asked for
  std::uint64_t size = 0;  // the file's whole size
  bool truncated() const { return size > bytes.size(); }
};

// At most `limit` bytes from the start of a regular file, opened without following a symbolic link
// (files a sandboxed process wrote may be planted links). Never throws: a file that cannot be opened
// reads as empty. The buffer grows with the file, never to the limit up front.
Prefix read_prefix(const std::filesystem::path& path, std::uint64_t limit);

}  // namespace proctor::fs
