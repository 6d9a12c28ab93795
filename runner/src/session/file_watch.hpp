#pragma once
// Saves of one file, seen through inotify on its directory (editors replace files by rename as often
// as they write them in place). Shared by `session watch` and `practice --watch`.
#include <chrono>
#include <filesystem>
#include <string>

namespace proctor::session {

// Editors save in bursts (truncate + write, or write a temporary file and rename it); waiting for this
// quiet period after the last event handles the finished file once.
inline constexpr std::chrono::milliseconds kQuietAfterSave{150};

class FileWatch {
 public:
  // Watches `dir` for saves of the file named `name` in it. Throws runner::UserError naming `dir` when
  // it cannot be watched.
  FileWatch(const std::filesystem::path& dir, std::string name);
  ~FileWatch();
  FileWatch(const FileWatch&) = delete;
  FileWatch& operator=(const FileWatch&) = delete;

  enum class Event { none, saved, directory_gone };

  // Waits up to `timeout` and reports what happened to the file or its directory.
  Event wait(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  std::string name_;
};

}  // namespace proctor::session
