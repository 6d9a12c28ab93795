#pragma once
// Compiled harness objects of function exercises, kept across grades: every submission to the same
// package links against the same harness, so it is compiled once per package, compiler and flags.
//
// The cache lives in a private directory (mode 0700, owned by the effective user): a directory that
// is a link, belongs to someone else or is open to others is never read or written. Entries appear by
// rename(2) of a complete directory, so concurrent graders see a whole entry or none, and the first
// writer wins.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proctor::runner {

class HarnessCache {
 public:
  // Uses `root`, creating it (0700) when missing; nullopt when it exists but cannot be trusted.
  static std::optional<HarnessCache> open(const std::filesystem::path& root);
  // <temp dir>/proctor-harness-<euid>.
  static std::optional<HarnessCache> open_default();

  // The object files of a complete entry, or nothing.
  std::optional<std::vector<std::filesystem::path>> find(const std::string& key) const;
  // Copies `objects` into a new entry (refusing links and special files). Losing a race to another
  // grader is fine; any failure leaves the cache as it was and is not an error of the grade.
  void store(const std::string& key, const std::vector<std::filesystem::path>& objects) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit HarnessCache(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

// Hex key over everything that decides the objects: the package's id, every harness source and header
// (names and contents), the compile command and the compiler's version.
std::string harness_key(const std::string& package_id, const std::filesystem::path& include_dir,
                        const std::vector<std::string>& command, const std::string& compiler);

}  // namespace proctor::runner
