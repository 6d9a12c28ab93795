#pragma once
// What each profile may touch in the file system (Landlock rules) and its environment.
#include <filesystem>
#include <string>
#include <vector>

#include "landlock.hpp"
#include "proctor/sandbox/policy.hpp"

namespace proctor::sandbox {

std::vector<LandlockRule> landlock_rules(const Policy& policy, const std::filesystem::path& executable,
                                         const std::filesystem::path& work_dir);

std::vector<std::string> clean_environment(const Policy& policy, const std::filesystem::path& work_dir);

// argv[0] as given, or looked up in the fixed PATH when it has no slash. Empty when not found.
std::filesystem::path resolve_executable(const std::string& name);

}  // namespace proctor::sandbox
