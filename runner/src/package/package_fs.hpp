#pragma once
// Every file access the loader makes goes through here, so that no path ever leads out of the package
// (a symlink to /etc/shadow as a test answer, or to another candidate's work as a submission) and no
// special file (a FIFO would hang the grader) or giant file is accepted.
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace proctor::runner::package {

struct DirEntry {
  std::string name;
  std::filesystem::path path;       // dir / name, as listed (not resolved)
  std::filesystem::file_type type;  // of the entry itself: symlinks are not followed
};

class PackageFs {
 public:
  // `root` must be canonical (absolute, no symlinks).
  explicit PackageFs(std::filesystem::path root) : root_(std::move(root)) {}
  const std::filesystem::path& root() const { return root_; }

  // Whether `path` exists (the entry itself, a dangling symlink counts). Throws UserError when the
  // answer cannot be known, e.g. a parent directory is unreadable.
  bool exists(const std::filesystem::path& path) const;

  // `path` with symlinks resolved; throws UserError naming `path` if it is missing or leads outside.
  std::filesystem::path resolve(const std::filesystem::path& path) const;

  // A regular file inside the package, at most kMaxPackageFileBytes; returns the resolved path.
  std::filesystem::path regular_file(const std::filesystem::path& path) const;

  // A directory inside the package; returns the resolved path.
  std::filesystem::path directory(const std::filesystem::path& path) const;

  // The entries of a directory sorted by name, hidden ones (".name") left out. `dir` must have
  // passed directory() first.
  std::vector<DirEntry> list(const std::filesystem::path& dir) const;

  // The contents of a regular file inside the package.
  std::string read(const std::filesystem::path& path) const;

  // True when `path` (already resolved) is `root_` or below it.
  bool contains(const std::filesystem::path& resolved) const;

 private:
  std::filesystem::path root_;
  // What directory() resolved (canonical, inside the package): a file that is no symlink, directly in one
  // of them, resolves to itself without walking every component again. One loader uses one PackageFs,
  // on one thread.
  mutable std::set<std::string> resolved_dirs_;
};

// Names that end up in results and messages must be printable UTF-8 without control characters.
bool printable_name(const std::string& name);

// `text` made fit for a one-line message or a title: invalid UTF-8 replaced (U+FFFD), control
// characters shown as \xNN. Package text (JSON keys, YAML values) can hold both (the loader fuzzer).
std::string one_line(const std::string& text);

// "data/sample/1.in" for a path below `root`, for messages and hashing.
std::string relative_name(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace proctor::runner::package
