#pragma once
#include <filesystem>
#include <string>

namespace proctor::sandbox {

// A private temporary directory, removed with everything in it (links are removed, never followed).
// Mode 0711: the sandbox user may pass through to a directory handed to it, but not list it.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace proctor::sandbox
