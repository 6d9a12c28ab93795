#include "server/drafts.hpp"

#include <algorithm>
#include <cstdio>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::server {
namespace {

namespace stdfs = std::filesystem;

// Drafts are named NNNNNN-<instant>.c: the number orders them, the instant (colons replaced) says when.
struct Entry {
  int n = 0;
  stdfs::path file;
};

std::vector<Entry> scan(const stdfs::path& dir) {
  std::vector<Entry> out;
  std::error_code ec;
  for (const auto& entry : stdfs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() < 8 || name[6] != '-' || entry.path().extension() != ".c") continue;
    if (name.substr(0, 6).find_first_not_of("0123456789") != std::string::npos) continue;
    out.push_back({std::atoi(name.substr(0, 6).c_str()), entry.path()});
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.n < b.n; });
  return out;
}

std::optional<stdfs::path> newest_file(const stdfs::path& dir, int* number) {
  std::vector<Entry> all = scan(dir);
  if (number) *number = all.empty() ? 0 : all.back().n;
  if (all.empty()) return std::nullopt;
  return all.back().file;
}

// "000003-2030-01-01T10-00-03.000Z.c" -> 2030-01-01T10:00:03.000Z; the epoch when the name is odd.
session::Instant instant_of(const stdfs::path& file) {
  std::string stamp = file.stem().string();
  stamp = stamp.size() > 7 ? stamp.substr(7) : "";
  std::size_t t = stamp.find('T');
  for (std::size_t i = t == std::string::npos ? stamp.size() : t; i < stamp.size(); ++i) {
    if (stamp[i] == '-') stamp[i] = ':';
  }
  try {
    return session::from_iso(stamp);
  } catch (const std::exception&) {
    return session::Instant{};
  }
}

Draft draft_of(const Entry& e, bool hash) {
  Draft d;
  d.n = e.n;
  d.file = e.file;
  d.saved_at = instant_of(e.file);
  std::error_code ec;
  d.bytes = stdfs::file_size(e.file, ec);
  if (hash) d.sha256 = runner::file_sha256(e.file);
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
  std::optional<stdfs::path> previous = newest_file(dir, &last);
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
  std::vector<Entry> all = scan(drafts_dir(files));
  if (all.empty()) return std::nullopt;
  return draft_of(all.back(), false);
}

std::vector<Draft> DraftStore::list(const session::SessionFiles& files) {
  std::lock_guard lock(mutex_);
  std::vector<Draft> out;
  for (const Entry& e : scan(drafts_dir(files))) out.push_back(draft_of(e, true));
  return out;
}

std::optional<std::string> DraftStore::read(const session::SessionFiles& files, int n) {
  std::lock_guard lock(mutex_);
  for (const Entry& e : scan(drafts_dir(files))) {
    if (e.n == n) return fs::read_file(e.file, 1 << 20);
  }
  return std::nullopt;
}

std::optional<std::string> DraftStore::latest(const session::SessionFiles& files) {
  std::lock_guard lock(mutex_);
  std::optional<stdfs::path> previous = newest_file(drafts_dir(files), nullptr);
  if (!previous) return std::nullopt;
  return fs::read_file(*previous, 1 << 20);
}

}  // namespace proctor::server
