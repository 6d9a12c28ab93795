#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace proctor::runner {

struct Submission {
  std::filesystem::path path;
  std::string source;
  std::string sha256;
};

inline constexpr std::uint64_t kMaxSubmissionBytes = 1 << 20;

// Throws UserError naming the file: missing, not a regular file, unreadable, empty, larger than 1 MiB,
// or binary (a NUL byte) instead of C source.
Submission read_submission(const std::filesystem::path& path);

}  // namespace proctor::runner
