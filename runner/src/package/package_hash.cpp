// package_sha256: one hash over every file of the package, so a frozen session can tell whether the
// exercise changed. Record per entry, in byte order of relative path:
//   "F" NUL <path> NUL <size> NUL <contents>    regular file
//   "L" NUL <path> NUL <link target>  NUL       symbolic link (not followed; its target is hashed itself)
// Hidden entries are skipped except the top-level .timelimit, which sets a Kattis time limit. data/secret
// is covered only when the exercise was loaded with its secrets (and is then never touched otherwise).
// load_exercise hashes once per load (hash_package); package_sha256 returns that value.
#include <algorithm>
#include <fstream>

#include "package/loader.hpp"
#include "package/package_fs.hpp"
#include "package/sha256.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::runner {
// Inside the namespace: proctor::fs (the fs module) would otherwise win over a global alias in a unity
// batch that also holds a file including it.
namespace fs = std::filesystem;
namespace {

struct Record {
  std::string name;  // relative, generic separators
  fs::path path;
  bool link = false;
};

void collect(const package::PackageFs& files, const fs::path& dir, bool skip_secret,
             std::vector<Record>& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) throw UserError(dir, "cannot list directory: " + ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    std::string leaf = path.filename().string();
    std::string name = package::relative_name(files.root(), path);
    if (name == ".timelimit") {
      // The one hidden file that changes grading.
    } else if (leaf.empty() || leaf[0] == '.') {
      continue;
    }
    if (skip_secret && name == "data/secret") continue;  // decided before any stat of it
    std::error_code type_ec;
    fs::file_type type = it->symlink_status(type_ec).type();
    if (type_ec) throw UserError(path, "cannot access: " + type_ec.message());
    if (type == fs::file_type::directory) {
      collect(files, path, skip_secret, out);
    } else if (type == fs::file_type::symlink) {
      // Hashed as its target text, never followed. Links under data/ and submissions/ are what grading
      // reads, so they must resolve inside the package; any other link (a statement PDF pointing at a
      // build output that is not there) is not Proctor's business.
      if (name.rfind("data/", 0) == 0 || name.rfind("submissions/", 0) == 0) files.resolve(path);
      out.push_back({name, path, true});
    } else if (type == fs::file_type::regular) {
      files.regular_file(path);  // size limit
      out.push_back({name, path, false});
    } else {
      throw UserError(path, "is not a regular file, directory or symbolic link");
    }
  }
  if (ec) throw UserError(dir, "cannot list directory: " + ec.message());
}

}  // namespace

std::string package_sha256(const Exercise& exercise) {
  if (exercise.sha256.empty())
    throw InternalError("package_sha256: the exercise was not made by load_exercise");
  return exercise.sha256;
}

namespace package {

std::string hash_package(const PackageFs& files, bool include_secret) {
  std::vector<Record> records;
  collect(files, files.root(), !include_secret, records);
  std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.name < b.name; });

  package::Sha256 hash;
  const char nul = '\0';
  for (const Record& record : records) {
    hash.update(record.link ? "L" : "F");
    hash.update(&nul, 1);
    hash.update(record.name);
    hash.update(&nul, 1);
    if (record.link) {
      hash.update(fs::read_symlink(record.path).string());
      hash.update(&nul, 1);
      continue;
    }
    std::ifstream in(record.path, std::ios::binary);
    if (!in) throw UserError(record.path, "cannot open for reading");
    std::error_code ec;
    hash.update(std::to_string(fs::file_size(record.path, ec)));
    hash.update(&nul, 1);
    char buffer[1 << 16];
    while (in) {
      in.read(buffer, sizeof buffer);
      hash.update(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw UserError(record.path, "read error");
  }
  return hash.hex_digest();
}

}  // namespace package
}  // namespace proctor::runner
