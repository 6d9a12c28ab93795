#include "proctor/sandbox/temp_dir.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mutex>
#include <regex>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace proctor::sandbox {

namespace {

// A process killed with SIGKILL cannot remove its directories; the next Proctor process does, once:
// every name carries its owner's pid, and only those of dead owners are removed.
void sweep_stale(const std::filesystem::path& base) {
  static std::once_flag once;
  std::call_once(once, [&] {
    static const std::regex name(R"(proctor-[a-z-]+-(\d+)-[A-Za-z0-9]{6})");
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(base, ec)) {
      std::smatch m;
      const std::string file = entry.path().filename().string();
      if (!entry.is_directory(ec) || entry.is_symlink(ec) || !std::regex_match(file, m, name)) continue;
      struct stat st {};
      if (lstat(entry.path().c_str(), &st) != 0 || st.st_uid != geteuid()) continue;
      const pid_t owner = static_cast<pid_t>(std::stol(m[1]));
      if (kill(owner, 0) != 0 && errno == ESRCH) std::filesystem::remove_all(entry.path(), ec);
    }
  });
}

}  // namespace

TempDir::TempDir(const std::string& prefix) {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  sweep_stale(base);
  std::string pattern = (base / (prefix + "-" + std::to_string(getpid()) + "-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (!mkdtemp(buffer.data())) {
    throw std::runtime_error("cannot create a temporary directory in " + base.string() + ": " + std::strerror(errno));
  }
  path_ = buffer.data();
  chmod(path_.c_str(), 0711);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace proctor::sandbox
