#pragma once
#include <filesystem>

namespace proctor::fs {

// Copies `from` to a new file `to` created with mode 0600 (replacing one that exists), so that the copy
// is never readable by other local users, not even for a moment. Throws std::runtime_error naming the
// file that failed.
void private_copy(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace proctor::fs
