// Landlock through raw syscalls: Debian 12's headers predate network rules and scopes (ABI 4 and 6),
// so the few constants needed are spelled out here; they are kernel ABI and never change.
#include "landlock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace proctor::sandbox {
namespace {

struct RulesetAttr {
  std::uint64_t handled_access_fs;
  std::uint64_t handled_access_net;
  std::uint64_t scoped;
};

struct PathBeneathAttr {
  std::uint64_t allowed_access;
  std::int32_t parent_fd;
} __attribute__((packed));

constexpr unsigned kCreateRulesetVersion = 1U << 0;
constexpr int kRulePathBeneath = 1;

constexpr std::uint64_t kExecute = 1ULL << 0, kWriteFile = 1ULL << 1, kReadFile = 1ULL << 2,
                        kReadDir = 1ULL << 3, kRemoveDir = 1ULL << 4, kRemoveFile = 1ULL << 5,
                        kMakeChar = 1ULL << 6, kMakeDir = 1ULL << 7, kMakeReg = 1ULL << 8,
                        kMakeSock = 1ULL << 9, kMakeFifo = 1ULL << 10, kMakeBlock = 1ULL << 11,
                        kMakeSym = 1ULL << 12, kRefer = 1ULL << 13, kTruncate = 1ULL << 14,
                        kIoctlDev = 1ULL << 15;
constexpr std::uint64_t kNetBindTcp = 1ULL << 0, kNetConnectTcp = 1ULL << 1;
constexpr std::uint64_t kScopeAbstractUnix = 1ULL << 0, kScopeSignal = 1ULL << 1;

std::uint64_t handled_fs(int abi) {
  std::uint64_t fs = (1ULL << 13) - 1;  // ABI 1: execute .. make_sym
  if (abi >= 2) fs |= kRefer;
  if (abi >= 3) fs |= kTruncate;
  if (abi >= 5) fs |= kIoctlDev;
  return fs;
}

std::uint64_t rights_for(LandlockRule::Access access, bool directory, int abi) {
  std::uint64_t r = kReadFile | (directory ? kReadDir : 0);
  if (access == LandlockRule::read_exec) r |= kExecute;
  if (access == LandlockRule::read_write) {
    r |= kExecute | kWriteFile | (abi >= 3 ? kTruncate : 0);
    if (directory) {
      r |= kRemoveDir | kRemoveFile | kMakeDir | kMakeReg | kMakeSym | kMakeFifo | kMakeSock |
           (abi >= 2 ? kRefer : 0);
    }
  }
  // /dev/null and friends: read/write without device ioctls.
  return r & handled_fs(abi);
}

}  // namespace

int landlock_abi() {
  long abi = syscall(SYS_landlock_create_ruleset, nullptr, 0, kCreateRulesetVersion);
  return abi < 0 ? 0 : static_cast<int>(abi);
}

int build_landlock_ruleset(int abi, const std::vector<LandlockRule>& rules) {
  RulesetAttr attr{handled_fs(abi), abi >= 4 ? (kNetBindTcp | kNetConnectTcp) : 0,
                   abi >= 6 ? (kScopeAbstractUnix | kScopeSignal) : 0};
  std::size_t size = abi >= 6 ? sizeof(attr) : abi >= 4 ? 2 * sizeof(std::uint64_t) : sizeof(std::uint64_t);
  int ruleset = static_cast<int>(syscall(SYS_landlock_create_ruleset, &attr, size, 0));
  if (ruleset < 0) return -1;
  for (const auto& rule : rules) {
    int fd = open(rule.path.c_str(), O_PATH | O_CLOEXEC);
    if (fd < 0) continue;  // absent toolchain paths (e.g. /lib64 on some systems) are simply not granted
    struct stat st {};
    if (fstat(fd, &st) != 0) {
      close(fd);
      continue;
    }
    PathBeneathAttr beneath{rights_for(rule.access, S_ISDIR(st.st_mode), abi), fd};
    if (!S_ISDIR(st.st_mode)) beneath.allowed_access &= kExecute | kReadFile | kWriteFile | kTruncate | kIoctlDev;
    long rc = syscall(SYS_landlock_add_rule, ruleset, kRulePathBeneath, &beneath, 0);
    int saved = errno;
    close(fd);
    if (rc != 0) {
      close(ruleset);
      errno = saved;
      return -1;
    }
  }
  return ruleset;
}

}  // namespace proctor::sandbox
