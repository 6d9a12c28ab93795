#include "server/drafts.hpp"

#include <algorithm>
#include <cstdio>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/exercise.hpp"
#include "session/draft_files.hpp"

namespace proctor::server {
namespace {

namespace stdfs = std::filesystem;

// Drafts are named NNNNNN-<instant>.c: the number orders them, the instant (colons replaced) says when.
// session/draft_files.cpp reads the names (one home for the format); this file writes them.
std::optional<stdfs::path> newest_file(const session::SessionFiles& files, int* number) {
  std::vector<session::DraftFile> all = session::list_draft_files(files);
  if (number) *number = all.empty() ? 0 : all.back().n;
  if (all.empty()) return std::nullopt;
  return all.back().file;
}

Draft draft_of(const session::DraftFile& f, bool hash) {
  Draft d;
  d.n = f.n;
  d.file = f.file;
  d.saved_at = f.saved_at;
  d.bytes = f.bytes;
  if (hash) d.sha256 = runner::file_sha256(f.file);
  return d;
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
  std::optional<stdfs::path> previous = newest_file(files, &last);
  Draft d;
  d.sha256 = runner::sha256_hex(source);
  d.saved_at = at;
  d.bytes = source.size();
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

std::optional<Draft> DraftStore::newest(const session::SessionFiles& files) {
  std::lock_guard lock(mutex_);
  std::vector<session::DraftFile> all = session::list_draft_files(files);
  if (all.empty()) return std::nullopt;
  return draft_of(all.back(), false);
}

std::vector<Draft> DraftStore::list(const session::SessionFiles& files) {
  std::lock_guard lock(mutex_);
  std::vector<Draft> out;
  for (const session::DraftFile& f : session::list_draft_files(files)) out.push_back(draft_of(f, true));
  return out;
}

std::optional<std::string> DraftStore::read(const session::SessionFiles& files, int n) {
  std::lock_guard lock(mutex_);
  for (const session::DraftFile& f : session::list_draft_files(files)) {
    if (f.n == n) return fs::read_file(f.file, 1 << 20);
  }
  return std::nullopt;
}

std::optional<std::string> DraftStore::latest(const session::SessionFiles& files) {
  std::lock_guard lock(mutex_);
  std::optional<stdfs::path> previous = newest_file(files, nullptr);
  if (!previous) return std::nullopt;
  return fs::read_file(*previous, 1 << 20);
}

}  // namespace proctor::server
