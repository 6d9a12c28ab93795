#include "profiles.hpp"

#include <unistd.h>

namespace proctor::sandbox {
namespace {

constexpr const char* kPath = "/usr/local/bin:/usr/bin:/bin";

}  // namespace

std::vector<LandlockRule> landlock_rules(const Policy& policy, const std::filesystem::path& executable,
                                         const std::filesystem::path& work_dir) {
  std::vector<LandlockRule> rules;
  rules.push_back({executable, LandlockRule::read_exec});
  if (policy.profile == Profile::compile) {
    // The toolchain and what the dynamic loader reads; nothing else of /etc, no home, no /tmp.
    for (const char* dir : {"/usr", "/bin", "/lib", "/lib64", "/lib32", "/libx32", "/etc/alternatives"}) {
      rules.push_back({dir, LandlockRule::read_exec});
    }
    for (const char* file : {"/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime"}) {
      rules.push_back({file, LandlockRule::read});
    }
    rules.push_back({"/dev/null", LandlockRule::read_write});
  }
  if (policy.profile == Profile::sanitizer) {
    // The shared libraries and the loader's cache, nothing of /usr/bin. Its own /proc/self is added
    // by the child, which alone knows its pid (child.cpp).
    for (const char* dir : {"/lib", "/lib64", "/usr/lib", "/usr/lib64"})
      rules.push_back({dir, LandlockRule::read_exec});
    rules.push_back({"/etc/ld.so.cache", LandlockRule::read});
  }
  if (has_work_dir(policy.profile)) {
    if (!work_dir.empty()) rules.push_back({work_dir, LandlockRule::read_write});
    for (const auto& path : policy.writable) rules.push_back({path, LandlockRule::read_write});
  }
  // Even the program profile may be given read-only files explicitly (none by default).
  for (const auto& path : policy.readable) rules.push_back({path, LandlockRule::read});
  for (const auto& path : policy.private_inputs) rules.push_back({path, LandlockRule::read});
  return rules;
}

std::vector<std::string> clean_environment(const Policy& policy, const std::filesystem::path& work_dir) {
  std::vector<std::string> env = {std::string("PATH=") + kPath, "LANG=C.UTF-8"};
  if (has_work_dir(policy.profile) && !work_dir.empty()) {
    env.push_back("TMPDIR=" + work_dir.string());
    env.push_back("HOME=" + work_dir.string());
  }
  for (const auto& [key, value] : policy.env) env.push_back(key + "=" + value);
  return env;
}

std::filesystem::path resolve_executable(const std::string& name) {
  if (!name.empty() && name[0] == '/') return name;  // absolute() would ask for the working directory
  if (name.find('/') != std::string::npos) return std::filesystem::absolute(name);
  std::string path = kPath;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::filesystem::path candidate = std::filesystem::path(path.substr(start, end - start)) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

}  // namespace proctor::sandbox
