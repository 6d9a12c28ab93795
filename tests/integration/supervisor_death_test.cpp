// A sandboxed program dies with its supervisor: when `proctor` is interrupted (Ctrl-C), terminated (a CI
// timeout) or killed outright, nothing it started keeps running unwatched.
#include <dirent.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "c_program.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Live processes whose executable is `binary` (its name is no help: a program executed through a
// descriptor is named after the descriptor).
std::vector<pid_t> processes_running(const fs::path& binary) {
  std::vector<pid_t> found;
  DIR* proc = opendir("/proc");
  if (!proc) return found;
  while (dirent* e = readdir(proc)) {
    char* end = nullptr;
    long pid = std::strtol(e->d_name, &end, 10);
    if (pid <= 0 || *end) continue;
    std::error_code ec;
    fs::path exe = fs::read_symlink(fs::path("/proc") / e->d_name / "exe", ec);
    if (!ec && exe == binary) found.push_back(static_cast<pid_t>(pid));
  }
  closedir(proc);
  return found;
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

class SupervisorDeath : public ::testing::TestWithParam<int> {};

}  // namespace

TEST_P(SupervisorDeath, TheProgramDiesWithProctor) {
  const int signal = GetParam();
  proctor::test::TempDirectory dir;
  const fs::path probe =
      proctor::test::compile_c(dir.path(), "orphan-probe",
                               "#include <time.h>\nint main(void){struct timespec t={0,100000000};"
                               "for(int i=0;i<300;i++)nanosleep(&t,0);return 0;}\n");
  const pid_t proctor = fork();
  if (proctor == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(PROCTOR_BINARY, PROCTOR_BINARY, "run", "--time-ms", "20000", "--wall-ms", "40000", "--",
          probe.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_GT(proctor, 0);
  const bool started =
      wait_until([&] { return !processes_running(probe).empty(); }, std::chrono::seconds(10));
  kill(proctor, signal);
  int status = 0;
  waitpid(proctor, &status, 0);
  ASSERT_TRUE(started) << "the program never started";
  const bool gone = wait_until([&] { return processes_running(probe).empty(); }, std::chrono::seconds(2));
  for (pid_t left : processes_running(probe)) kill(left, SIGKILL);
  EXPECT_TRUE(gone) << "the program outlived proctor after signal " << signal;
}

INSTANTIATE_TEST_SUITE_P(Signals, SupervisorDeath, ::testing::Values(SIGINT, SIGTERM, SIGKILL),
                         [](const auto& info) { return std::string(sigabbrev_np(info.param)); });
