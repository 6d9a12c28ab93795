#pragma once
// Copies a directory tree: regular files, directories, and symbolic links as links (relative links,
// the only kind a package may hold, stay valid in the copy). Used to freeze an exercise package for
// the length of a session, so the copy must hash exactly like the original (package_sha256).
#include <filesystem>

namespace proctor::fs {

// `to` must not exist. Throws runner::UserError naming the file that could not be copied.
void copy_tree(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace proctor::fs
