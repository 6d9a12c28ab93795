#pragma once
// Running trusted helper processes for the hostile-corpus tests (setpriv + the proctor CLI) with a
// timeout, the corpus binaries the build compiled, and probing what the kernel supports. Never used to
// run a hostile program bare.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace proctor::test {

struct ProcessResult {
  bool started = false;
  bool timed_out = false;
  int wait_status = 0;

  bool succeeded() const {
    return started && !timed_out && WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  }
  std::string describe() const {
    if (!started) return "could not start";
    if (timed_out) return "timed out (killed)";
    if (WIFEXITED(wait_status)) return "exit " + std::to_string(WEXITSTATUS(wait_status));
    if (WIFSIGNALED(wait_status)) return "signal " + std::to_string(WTERMSIG(wait_status));
    return "status " + std::to_string(wait_status);
  }
};

// argv[0] is looked up in PATH. stdout and stderr go to the given files (truncated); stdin is /dev/null.
inline ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& out,
                                 const std::filesystem::path& err, std::chrono::milliseconds timeout,
                                 const std::filesystem::path& cwd = {}) {
  ProcessResult result;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return result;
  result.started = true;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    pid_t done = waitpid(pid, &result.wait_status, WNOHANG);
    if (done == pid) return result;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);  // our own child, by pid
      waitpid(pid, &result.wait_status, 0);
      result.timed_out = true;
      return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// A corpus program as the build compiled it (tests/CMakeLists.txt: gcc -std=gnu17 -O2 -static -o X X.c
// -lm -lpthread, once per build into PROCTOR_HOSTILE_BIN_DIR), copied to `binary`. Returns gcc's
// diagnostics, or what is missing, when there is no binary to copy.
inline std::optional<std::string> copy_prebuilt_hostile(const std::filesystem::path& source,
                                                        const std::filesystem::path& binary) {
  const std::filesystem::path built = std::filesystem::path(PROCTOR_HOSTILE_BIN_DIR) / source.stem();
  std::error_code ec;
  if (!std::filesystem::exists(built, ec)) {
    std::ifstream in(built.string() + ".log");
    if (!in)
      return "not compiled by the build: no " + built.string() + " nor its .log (rebuild hostile_programs)";
    std::ostringstream s;
    s << in.rdbuf();
    return "gcc failed when the build compiled " + source.filename().string() + ":\n" + s.str();
  }
  std::filesystem::copy_file(built, binary, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) return "cannot copy " + built.string() + " to " + binary.string() + ": " + ec.message();
  return std::nullopt;
}

// Whether `int 0x80` reaches the kernel's 32-bit syscall table (it faults with SIGSEGV when ia32
// emulation is off, as on some VMs). Probed in a forked child with the harmless i386 getpid (20).
inline bool ia32_syscalls_available() {
  static const bool available = [] {
    pid_t pid = fork();
    if (pid == 0) {
      long r;
      __asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
      _exit(r > 0 ? 0 : 1);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }();
  return available;
}

}  // namespace proctor::test
