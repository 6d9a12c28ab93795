#include "execute/harness_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "fs/read_file.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxObjectBytes = 64 << 20;

// A directory only the effective user can reach and write, and not a link to one.
bool private_dir(const fs::path& dir) {
  struct stat st {};
  if (lstat(dir.c_str(), &st) != 0) return false;
  return S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0;
}

// Copies a regular file without following a link, into a new file only we can write.
bool copy_regular(const fs::path& from, const fs::path& to) {
  const int in = open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (in < 0) return false;
  struct stat st {};
  bool ok =
      fstat(in, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= kMaxObjectBytes;
  const int out = ok ? open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
  ok = ok && out >= 0;
  char buf[1 << 16];
  ssize_t n = 0;
  while (ok && (n = read(in, buf, sizeof buf)) > 0) ok = write(out, buf, static_cast<std::size_t>(n)) == n;
  ok = ok && n == 0;
  close(in);
  if (out >= 0) close(out);
  return ok;
}

}  // namespace

std::optional<HarnessCache> HarnessCache::open(const fs::path& root) {
  if (mkdir(root.c_str(), 0700) != 0 && errno != EEXIST) return std::nullopt;
  if (!private_dir(root)) return std::nullopt;
  return HarnessCache(root);
}

std::optional<HarnessCache> HarnessCache::open_default() {
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  if (ec) return std::nullopt;
  return open(tmp / ("proctor-harness-" + std::to_string(geteuid())));
}

std::optional<std::vector<fs::path>> HarnessCache::find(const std::string& key) const {
  const fs::path entry = root_ / key;
  if (!private_dir(entry)) return std::nullopt;
  std::vector<fs::path> objects;
  std::error_code ec;
  for (const auto& file : fs::directory_iterator(entry, ec)) {
    if (!file.is_regular_file() || file.is_symlink() || file.path().extension() != ".o") return std::nullopt;
    objects.push_back(file.path());
  }
  if (ec || objects.empty()) return std::nullopt;
  std::sort(objects.begin(), objects.end());
  return objects;
}

void HarnessCache::store(const std::string& key, const std::vector<fs::path>& objects) const {
  std::string tmp_name = (root_ / ("tmp-" + key + "-XXXXXX")).string();
  if (!mkdtemp(tmp_name.data())) return;  // mode 0700
  const fs::path tmp = tmp_name;
  bool ok = !objects.empty();
  for (const fs::path& object : objects) ok = ok && copy_regular(object, tmp / object.filename());
  // The rename publishes the entry whole; when another grader published first, ours is dropped.
  if (!ok || rename(tmp.c_str(), (root_ / key).c_str()) != 0) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  }
}

std::string harness_key(const std::string& package_id, const fs::path& include_dir,
                        const std::vector<std::string>& command, const std::string& compiler) {
  std::string material = "proctor-harness/1";
  auto add = [&](const std::string& part) {
    material += '\0';
    material += std::to_string(part.size());
    material += ':';
    material += part;
  };
  add(package_id);
  add(compiler);
  for (const std::string& arg : command) add(arg);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(include_dir)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && !entry.is_symlink() && (ext == ".c" || ext == ".h"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    add(file.filename().string());
    add(proctor::fs::read_file(file, kMaxPackageFileBytes));
  }
  return sha256_hex(material);
}

}  // namespace proctor::runner
