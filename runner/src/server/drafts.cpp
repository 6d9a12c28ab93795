#include "server/drafts.hpp"

#include <cstdio>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::server {
namespace {

namespace stdfs = std::filesystem;

// Drafts are named NNNNNN-<instant>.c: the number orders them, the instant (colons replaced) says when.
std::optional<stdfs::path> newest(const stdfs::path& dir, int* number) {
  std::optional<stdfs::path> best;
  int best_n = 0;
  std::error_code ec;
  for (const auto& entry : stdfs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() < 8 || name[6] != '-' || entry.path().extension() != ".c") continue;
    int n = std::atoi(name.substr(0, 6).c_str());
    if (n > best_n) {
      best_n = n;
      best = entry.path();
    }
  }
  if (number) *number = best_n;
  return best;
}

}  // namespace

stdfs::path drafts_dir(const session::SessionFiles& files) {
  return files.dir / "drafts";
}

Draft DraftStore::save(const session::SessionFiles& files, const std::string& source, session::Instant at) {
  std::lock_guard lock(mutex_);
  stdfs::path dir = drafts_dir(files);
  std::error_code ec;
  if (stdfs::create_directory(dir, ec)) fs::fsync_directory(files.dir);
  int last = 0;
  std::optional<stdfs::path> previous = newest(dir, &last);
  Draft d;
  d.sha256 = runner::sha256_hex(source);
  d.saved_at = at;
  if (previous && runner::file_sha256(*previous) == d.sha256) {
    d.n = last;
    d.file = *previous;
    return d;
  }
  d.n = last + 1;
  std::string stamp = session::to_iso(at);
  for (char& c : stamp) {
    if (c == ':') c = '-';
  }
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%06d-", d.n);
  d.file = dir / (prefix + stamp + ".c");
  fs::atomic_write(d.file, source);  // temp + fsync + rename + fsync(dir): durable before we answer
  return d;
}

std::optional<std::string> DraftStore::latest(const session::SessionFiles& files) {
  std::lock_guard lock(mutex_);
  std::optional<stdfs::path> previous = newest(drafts_dir(files), nullptr);
  if (!previous) return std::nullopt;
  return fs::read_file(*previous, 1 << 20);
}

}  // namespace proctor::server
