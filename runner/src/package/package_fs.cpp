#include "package/package_fs.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace proctor::runner::package {
namespace {

std::string reason(const std::error_code& ec) {
  return ec.message();
}

bool is_missing(const std::error_code& ec) {
  return ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
}

}  // namespace

bool PackageFs::exists(const fs::path& path) const {
  std::error_code ec;
  fs::file_status st = fs::symlink_status(path, ec);
  if (ec && !is_missing(ec)) throw UserError(path, "cannot access: " + reason(ec));
  return !ec && st.type() != fs::file_type::not_found;
}

bool PackageFs::contains(const fs::path& resolved) const {
  auto [root_end, path_end] = std::mismatch(root_.begin(), root_.end(), resolved.begin(), resolved.end());
  // A trailing separator in root yields a final empty component; it matches any continuation.
  return root_end == root_.end() || (std::next(root_end) == root_.end() && root_end->empty());
}

fs::path PackageFs::resolve(const fs::path& path) const {
  std::error_code ec;
  fs::file_status link = fs::symlink_status(path, ec);
  if (ec && !is_missing(ec)) throw UserError(path, "cannot access: " + reason(ec));
  if (ec || link.type() == fs::file_type::not_found) throw UserError(path, "does not exist");
  // canonical() reads every component as a link (a readlink each): for the test files of a package,
  // twice each, that was 11 % of a grade's fixed CPU on 500 tests. Not needed for an entry that is no
  // symlink in a directory already resolved.
  if (link.type() != fs::file_type::symlink && path.has_filename() && path.filename() != "." &&
      path.filename() != ".." && resolved_dirs_.count(path.parent_path().native()))
    return path;
  fs::path resolved = fs::canonical(path, ec);
  if (ec) {
    if (link.type() == fs::file_type::symlink && is_missing(ec)) {
      throw UserError(path, "symbolic link points to a missing file");
    }
    throw UserError(path, "cannot resolve: " + reason(ec));
  }
  if (!contains(resolved)) {
    // Checked on the resolved path, so a symlinked parent directory is caught as well.
    throw UserError(
        path, "leads outside the package (to " + resolved.string() + "); symbolic links must stay inside");
  }
  return resolved;
}

fs::path PackageFs::regular_file(const fs::path& path) const {
  fs::path resolved = resolve(path);
  std::error_code ec;
  fs::file_status st = fs::status(resolved, ec);
  if (ec) throw UserError(path, "cannot access: " + reason(ec));
  if (st.type() == fs::file_type::directory) throw UserError(path, "is a directory, expected a file");
  if (st.type() != fs::file_type::regular) throw UserError(path, "is not a regular file");
  std::uintmax_t size = fs::file_size(resolved, ec);
  if (ec) throw UserError(path, "cannot access: " + reason(ec));
  if (size > kMaxPackageFileBytes) {
    throw UserError(path, "file is too large (" + std::to_string(size >> 20) + " MiB, limit " +
                              std::to_string(kMaxPackageFileBytes >> 20) + " MiB)");
  }
  return resolved;
}

fs::path PackageFs::directory(const fs::path& path) const {
  fs::path resolved = resolve(path);
  std::error_code ec;
  fs::file_status st = fs::status(resolved, ec);
  if (ec) throw UserError(path, "cannot access: " + reason(ec));
  if (st.type() != fs::file_type::directory) throw UserError(path, "is not a directory");
  resolved_dirs_.insert(resolved.native());
  return resolved;
}

namespace {

// Printable ASCII as it is, every other byte as \xNN.
std::string escaped_name(const std::string& name) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : name) {
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
      out += static_cast<char>(c);
    } else {
      out += std::string("\\x") + kHex[c >> 4] + kHex[c & 0xf];
    }
  }
  return out;
}

}  // namespace

std::vector<DirEntry> PackageFs::list(const fs::path& dir) const {
  std::vector<DirEntry> entries;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) throw UserError(dir, "cannot list directory: " + reason(ec));
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    // Names end up in test names, results and one-line messages: a newline or a broken byte in one
    // would break all three, so it is refused here, shown escaped (found by the loader fuzzer).
    if (!printable_name(name)) {
      throw UserError(dir, "holds a file whose name is not printable UTF-8: \"" + escaped_name(name) + "\"");
    }
    std::error_code type_ec;
    fs::file_type type = it->symlink_status(type_ec).type();
    if (type_ec) throw UserError(it->path(), "cannot access: " + reason(type_ec));
    entries.push_back({name, it->path(), type});
  }
  if (ec) throw UserError(dir, "cannot list directory: " + reason(ec));
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

std::string PackageFs::read(const fs::path& path) const {
  fs::path resolved = regular_file(path);
  std::ifstream in(resolved, std::ios::binary);
  if (!in) throw UserError(path, "cannot open for reading");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw UserError(path, "read error");
  return text;
}

bool printable_name(const std::string& name) {
  for (std::size_t i = 0; i < name.size();) {
    auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x20 || byte == 0x7f) return false;
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xe  ? 3
                         : (byte >> 3) == 0x1e ? 4
                                               : 0;
    if (length == 0 || i + length > name.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(name[i + k]) & 0xc0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

std::string one_line(const std::string& text) {
  std::string out;
  for (unsigned char c : text::valid_utf8(text)) {
    if (c < 0x20 || c == 0x7f) {
      static const char* kHex = "0123456789abcdef";
      out += std::string("\\x") + kHex[c >> 4] + kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string relative_name(const fs::path& root, const fs::path& path) {
  fs::path rel = path.lexically_relative(root);
  return rel.empty() ? path.string() : rel.generic_string();
}

}  // namespace proctor::runner::package
