#include "run_identity.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdint>

namespace proctor::sandbox {

RunIdentity next_run_identity() {
  constexpr std::uint32_t kBase = 1U << 30;
  static std::atomic<std::uint32_t> counter{0};
  const std::uint32_t process = static_cast<std::uint32_t>(getpid()) & 0x3fff;
  const std::uint32_t id =
      kBase + (process << 16) + (counter.fetch_add(1, std::memory_order_relaxed) & 0xffff);
  return {static_cast<uid_t>(id), static_cast<gid_t>(id)};
}

}  // namespace proctor::sandbox
