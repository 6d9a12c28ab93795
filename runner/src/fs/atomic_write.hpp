#pragma once
// Crash-safe file writes: a reader (or a process started after kill -9) sees either the old content or
// the new one, never a torn file. Used for everything Proctor keeps on disk between commands.
#include <filesystem>
#include <string_view>

namespace proctor::fs {

// Writes `content` to a temporary file next to `file`, fsyncs it, renames it over `file` and fsyncs the
// directory so the rename itself survives a power loss. Throws runner::UserError naming `file`.
void atomic_write(const std::filesystem::path& file, std::string_view content);

// fsync of a directory: makes a rename or creation inside it durable.
void fsync_directory(const std::filesystem::path& dir);

// Flushes every dirty page of the file system holding `path` (syncfs). Cheaper and simpler than an
// fsync per file after copying a whole tree.
void sync_filesystem(const std::filesystem::path& path);

}  // namespace proctor::fs
