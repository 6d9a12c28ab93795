#pragma once
// Landlock rulesets, created in the parent (the child only calls landlock_restrict_self on the fd).
#include <filesystem>
#include <vector>

namespace proctor::sandbox {

// The Landlock ABI this kernel offers (0: none).
int landlock_abi();

struct LandlockRule {
  std::filesystem::path path;
  enum Access { read, read_exec, read_write } access;
};

// An open ruleset descriptor: handles every file-system right the ABI knows, TCP bind/connect (ABI 4+:
// no rule grants them, so no TCP at all) and scopes signals and abstract unix sockets to the sandbox
// (ABI 6+). Paths that do not exist are skipped. Returns -1 and sets errno on failure.
int build_landlock_ruleset(int abi, const std::vector<LandlockRule>& rules);

}  // namespace proctor::sandbox
