#include "fs/copy_tree.hpp"

#include <system_error>

#include "proctor/runner/error.hpp"

namespace proctor::fs {

void copy_tree(const std::filesystem::path& from, const std::filesystem::path& to) {
  namespace stdfs = std::filesystem;
  std::error_code ec;
  stdfs::create_directory(to, ec);
  if (ec) throw runner::UserError(to, "cannot create directory: " + ec.message());
  for (const stdfs::directory_entry& entry : stdfs::directory_iterator(from)) {
    stdfs::path target = to / entry.path().filename();
    stdfs::file_status st = stdfs::symlink_status(entry.path(), ec);
    if (ec) throw runner::UserError(entry.path(), "cannot read: " + ec.message());
    if (stdfs::is_symlink(st)) {
      // Copied as a link: package_sha256 hashes a link's target text, so a followed copy would not
      // hash the same. The loader only accepts links that stay inside the package.
      stdfs::copy_symlink(entry.path(), target, ec);
    } else if (stdfs::is_directory(st)) {
      copy_tree(entry.path(), target);
    } else if (stdfs::is_regular_file(st)) {
      stdfs::copy_file(entry.path(), target, ec);
    }
    // Sockets, fifos and devices are not part of any package; skipping them keeps the copy safe.
    if (ec) throw runner::UserError(entry.path(), "cannot copy: " + ec.message());
  }
}

}  // namespace proctor::fs
