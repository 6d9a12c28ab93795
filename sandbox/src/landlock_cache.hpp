#pragma once
// Landlock rulesets built once and reused. A ruleset cannot change once built and
// landlock_restrict_self only reads it, so any number of children can be restricted by the same
// descriptor. Rules name inodes, not paths: the key holds each path's device and inode, so a binary
// replaced at the same path gets a new ruleset. (A cached ruleset pins its inodes, so their numbers
// cannot be reused meanwhile.)
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "landlock.hpp"
#include "scoped_fd.hpp"

namespace proctor::sandbox {

class LandlockCache {
 public:
  explicit LandlockCache(int abi) : abi_(abi) {}
  // The ruleset for these rules, or nullptr with errno set. Thread-safe; the descriptor stays open as
  // long as the returned pointer lives, even if the entry is evicted meanwhile.
  std::shared_ptr<const ScopedFd> ruleset(const std::vector<LandlockRule>& rules);

 private:
  static constexpr std::size_t kEntries = 16;
  struct Entry {
    std::string key;
    std::shared_ptr<const ScopedFd> fd;
  };
  int abi_;
  std::mutex mutex_;
  std::vector<Entry> entries_;  // most recently used last
};

}  // namespace proctor::sandbox
