// The package is written into a hidden sibling directory and renamed into place (without replacing
// anything), so an interrupted `new` never leaves a half package that looks like a real one.
#include "authoring/scaffold.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;
using runner::UserError;

bool valid_new_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

fs::path create_exercise(const fs::path& parent, const std::string& id, runner::ExerciseKind kind) {
  if (!valid_new_id(id)) {
    throw UserError("bad exercise id \"" + id + "\": use 1-64 characters from a-z, 0-9 and -");
  }
  const fs::path target = parent / id;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(target, ec)))
    throw UserError(target, "already exists; choose another id");
  fs::create_directories(parent, ec);
  if (ec) throw UserError(parent, "cannot create: " + ec.message());

  std::string pattern = (parent / ("." + id + ".new-XXXXXX")).string();
  if (!mkdtemp(pattern.data()))
    throw UserError(parent, std::string("cannot create a directory: ") + std::strerror(errno));
  const fs::path staging = pattern;
  try {
    chmod(staging.c_str(), 0755);  // mkdtemp makes it private; a package is meant to be shared
    for (const auto& [relative, content] : scaffold_files(id, kind)) {
      const fs::path file = staging / relative;
      fs::create_directories(file.parent_path());
      proctor::fs::atomic_write(file, content);
    }
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
      throw UserError(target, errno == EEXIST ? "already exists; choose another id"
                                              : std::string("cannot create: ") + std::strerror(errno));
    }
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  proctor::fs::fsync_directory(parent);
  return target;
}

}  // namespace proctor::authoring
