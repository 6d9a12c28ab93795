#pragma once
// Whole-file reads with a size cap, so a runaway or hostile file cannot exhaust memory.
#include <cstdint>
#include <filesystem>
#include <string>

namespace proctor::fs {

// Throws runner::UserError naming `path` when it is missing, unreadable, not a regular file or larger
// than `max_bytes`.
std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes = 64ull << 20);

}  // namespace proctor::fs
