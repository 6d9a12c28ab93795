#include "landlock_cache.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>

namespace proctor::sandbox {
namespace {

// What a ruleset built from `rules` would grant: each rule's access and the inode its path names now.
std::string key_of(const std::vector<LandlockRule>& rules) {
  std::string key;
  for (const auto& rule : rules) {
    struct stat st {};
    key += static_cast<char>('0' + rule.access);
    key += rule.path.native();
    key += '\0';
    if (stat(rule.path.c_str(), &st) == 0) {
      key += std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino);
    }
    key += '\0';
  }
  return key;
}

}  // namespace

std::shared_ptr<const ScopedFd> LandlockCache::ruleset(const std::vector<LandlockRule>& rules) {
  std::string key = key_of(rules);
  std::lock_guard lock(mutex_);
  auto hit = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
  if (hit != entries_.end()) {
    std::rotate(hit, hit + 1, entries_.end());
    return entries_.back().fd;
  }
  auto fd = std::make_shared<const ScopedFd>(build_landlock_ruleset(abi_, rules));
  if (!*fd) return nullptr;
  if (entries_.size() == kEntries) entries_.erase(entries_.begin());
  entries_.push_back({std::move(key), fd});
  return fd;
}

}  // namespace proctor::sandbox
