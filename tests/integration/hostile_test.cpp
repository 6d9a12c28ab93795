// The hostile corpus (tests/hostile/*.c, header format in support/hostile_case.hpp): each program is
// compiled once by the build, outside the sandbox (it is our own trusted source), run under
// proctor::sandbox::Sandbox, and must end with the expected status, name the expected syscall or limit, and
// leave no trace (no file, no surviving process, no connection, no leaked secret). A second test runs a few
// cases through the `proctor run` CLI as an unprivileged user.
//
// The whole test process first moves into an outer cgroup (support/outer_cgroup.hpp) so that a sandbox
// bug fails the test instead of exhausting the machine.
#include <grp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "hostile_case.hpp"
#include "hostile_exec.hpp"
#include "outer_cgroup.hpp"
#include "proctor/sandbox/launch.hpp"

namespace {

namespace fs = std::filesystem;
namespace sb = proctor::sandbox;
using namespace proctor::test;

constexpr std::uint64_t kOutputSlackBytes = 1 << 20;  // what an output limit may overshoot by (polling)

// Process-wide state: the outer cgroup, the shared Sandbox, the compiled corpus, the dangerous-case gate.
class HostileEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    std::printf("[ hostile  ] %s\n", cgroup_.enter().c_str());
    survivor_scope() = cgroup_.scope();
    std::fflush(stdout);
    bin_dir_ = make_temp_dir("proctor-hostile-bin", 0755);  // 0755: a run may drop to another uid
    sandbox_ = std::make_unique<sb::Sandbox>();
  }

  void TearDown() override {
    sandbox_.reset();
    kill_survivors();
    cgroup_.leave();
    survivor_scope().clear();
    std::error_code ec;
    fs::remove_all(bin_dir_, ec);
  }

  sb::Sandbox& sandbox() { return *sandbox_; }
  const fs::path& bin_dir() const { return bin_dir_; }

  // A corpus program as the build compiled it, copied into `dir` (default the shared bin dir) where a
  // run that drops to another uid can execute it; the error text when there is none.
  std::optional<std::string> binary(const fs::path& source, fs::path& out, const fs::path& dir = {}) {
    out = (dir.empty() ? bin_dir_ : dir) / source.stem();
    if (fs::exists(out)) return std::nullopt;
    auto error = copy_prebuilt_hostile(source, out);
    if (!error) chmod(out.c_str(), 0755);
    return error;
  }

  // Empty when hello.c runs OK under `profile` with seccomp, a memory limit and a process limit active;
  // otherwise why the dangerous programs must not run.
  const std::string& preflight(const std::string& profile) {
    auto it = preflight_.find(profile);
    if (it != preflight_.end()) return it->second;
    std::string why;
    fs::path hello;
    if (auto error = binary(fs::path(PROCTOR_SOURCE_DIR) / "tests/hostile/hello.c", hello)) {
      why = "hello.c has no binary: " + *error;
    } else {
      sb::Policy policy;
      policy.profile = *sb::profile_from_string(profile);
      policy.argv = {hello.string()};
      sb::RunReport report = sandbox_->run(policy);
      if (report.status != sb::Status::ok)
        why = std::string("hello.c ended with ") + sb::to_string(report.status);
      else if (!report.layers.seccomp)
        why = "seccomp was not active";
      else if (report.layers.memory_limit == "none")
        why = "no memory limit was active";
      else if (report.layers.process_limit == "none")
        why = "no process limit was active";
      if (!why.empty()) why += " (preflight report: " + sb::to_json(report).dump() + ")";
    }
    return preflight_[profile] = why;
  }

 private:
  OuterCgroup cgroup_;
  fs::path bin_dir_;
  std::unique_ptr<sb::Sandbox> sandbox_;
  std::map<std::string, std::string> preflight_;
};

HostileEnvironment* const g_env =
    static_cast<HostileEnvironment*>(::testing::AddGlobalTestEnvironment(new HostileEnvironment));

std::string head(const std::string& text, std::size_t n = 600) {
  return text.size() <= n ? text : text.substr(0, n) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::uint64_t file_size_or_zero(const fs::path& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

sb::Policy make_policy(const HostileCase& c, std::vector<std::string> argv, const fs::path& run_dir) {
  sb::Policy policy;
  policy.profile = *sb::profile_from_string(c.profile);
  policy.argv = std::move(argv);
  auto option = [&](const char* key) -> std::optional<std::uint64_t> {
    auto it = c.options.find(key);
    return it == c.options.end() ? std::nullopt : std::optional<std::uint64_t>(it->second);
  };
  if (auto v = option("time_ms")) policy.limits.cpu_ms = *v;
  if (auto v = option("wall_ms")) policy.limits.wall_ms = *v;
  if (auto v = option("memory_mb")) policy.limits.memory_kb = *v * 1024;
  if (auto v = option("output_kb")) policy.limits.output_bytes = *v * 1024;
  if (auto v = option("threads")) policy.limits.threads = static_cast<unsigned>(*v);
  if (auto v = option("processes")) policy.limits.processes = static_cast<unsigned>(*v);
  policy.stdout_path = run_dir / "stdout";
  policy.stderr_path = run_dir / "stderr";
  return policy;
}

// ---------------------------------------------------------------------------------------------------
// Every corpus file parses, and the attacks the sandbox is specified against are all there.

TEST(HostileCorpus, EveryProgramHasAValidHeader) {
  auto sources = list_hostile_sources();
  std::set<std::string> names;
  for (const auto& source : sources) {
    try {
      names.insert(parse_hostile_case(source).name);
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
  for (const char* required : {"hello",
                               "fork_bomb",
                               "survivor_compile",
                               "survivor_program",
                               "memory_bomb",
                               "memory_bomb_catch",
                               "static_array",
                               "recursion",
                               "cpu_spin",
                               "sleep",
                               "stdout_flood",
                               "stderr_flood",
                               "open_passwd",
                               "read_secret",
                               "write_marker",
                               "connect_loopback",
                               "exec_shell",
                               "threads_ok",
                               "threads_denied",
                               "kill_all",
                               "kill_parent",
                               "ptrace_parent",
                               "int80_open",
                               "x32_open",
                               "io_uring",
                               "fd_probe",
                               "env_probe",
                               "shellcode_fork",
                               "rlimit_sigxcpu"})
    EXPECT_TRUE(names.count(required)) << "missing tests/hostile/" << required << ".c";
}

// The checks themselves can fail: each detector sees an escape staged by the test (never by a hostile
// program run bare).
TEST(HostileCorpus, DetectorsSeeStagedEscapes) {
  HostileFixture fx;
  HostileCase c;
  c.name = "staged";
  c.expect = {"OK"};
  c.checks = {"marker", "survivor", "connect",        "secret", "env",
              "passwd", "stdout=x", "absent=[stack]", "exit=0", "signal=9"};
  Outcome clean{"OK", std::nullopt, std::nullopt, 0, std::nullopt, "x\n", ""};
  clean.exit_code = 0;
  auto bad = check_outcome(c, fx, clean);
  std::string found;
  for (const auto& b : bad) found += "\n  " + b;
  ASSERT_EQ(bad.size(), 1u) << "only signal=9 should fail on a clean outcome; failed:" << found;

  // A process named hostile-surv, a connection, a marker file and leaked text.
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    prctl(PR_SET_NAME, "hostile-surv");
    for (;;) pause();
  }
  for (int i = 0; i < 200 && find_survivors().empty(); i++)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(fx.port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::ofstream(fx.marker_path) << "x";
  std::string passwd_line = read_file("/etc/passwd").substr(0, read_file("/etc/passwd").find('\n'));
  Outcome dirty{"SV",
                std::nullopt,
                std::string("cpu"),
                std::nullopt,
                11,
                "y [stack]\n" + fx.secret,
                fx.env_secret + "\n" + passwd_line};
  bad = check_outcome(c, fx, dirty);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  close(s);
  std::string all;
  for (const auto& b : bad) all += b + "\n";
  // status, SV without violation, marker, survivor, connect, secret, env, passwd, stdout, absent, exit,
  // signal
  EXPECT_EQ(bad.size(), 12u) << all;
}

// ---------------------------------------------------------------------------------------------------
// Each corpus program under the in-process Sandbox.

class HostileTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(HostileTest, SandboxHolds) {
  HostileCase c;
  try {
    c = parse_hostile_case(GetParam());
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  RecordProperty("attack", c.attack);
  for (const auto& feature : c.requires_features)
    if (feature == "ia32" && !ia32_syscalls_available())
      GTEST_SKIP() << "int 0x80 faults on this kernel (no ia32 emulation): the attack cannot be made here";

  fs::path binary;
  if (auto error = g_env->binary(c.source, binary)) FAIL() << *error;
  if (c.danger) {
    const std::string& why = g_env->preflight(c.profile);
    if (!why.empty())
      FAIL() << "not running this dangerous program: under profile " << c.profile << ", " << why;
  }

  kill_survivors();  // left over by an earlier case, which reported them already
  HostileFixture fx;
  fs::path run_dir = make_temp_dir("proctor-hostile-run", 0755);
  std::vector<std::string> argv = {binary.string()};
  for (const auto& arg : c.args) argv.push_back(fx.substitute(arg));
  sb::Policy policy = make_policy(c, argv, run_dir);

  sb::RunReport report = g_env->sandbox().run(policy);

  Outcome outcome{sb::to_string(report.status),
                  report.violation,
                  report.limit,
                  report.exit_code,
                  report.signal,
                  read_file(policy.stdout_path),
                  read_file(policy.stderr_path)};
  std::string summary = c.name + ": " + outcome.status + " " + report.violation.value_or("") + " " +
                        report.limit.value_or("") + " (expected " + c.expect_text() + "), cpu " +
                        std::to_string(report.cpu_ms()) + " ms, wall " + std::to_string(report.wall_ms()) +
                        " ms";
  std::printf("[ hostile  ] %s\n", summary.c_str());
  std::vector<std::string> bad = check_outcome(c, fx, outcome);

  // The limit that fired must really have been reached, and output must not exceed its limit on disk.
  if (report.status == sb::Status::tle && report.limit == "cpu" &&
      report.cpu_ms() * 10 < policy.limits.cpu_ms * 9)
    bad.push_back("TLE (cpu) after only " + std::to_string(report.cpu_ms()) + " ms of CPU");
  if (report.status == sb::Status::tle && report.limit == "wall" &&
      report.wall_ms() * 10 < policy.limits.effective_wall_ms() * 9)
    bad.push_back("TLE (wall) after only " + std::to_string(report.wall_ms()) + " ms");
  for (const auto& stream : {policy.stdout_path, policy.stderr_path})
    if (file_size_or_zero(stream) > policy.limits.output_bytes + kOutputSlackBytes)
      bad.push_back(stream.filename().string() + " grew to " + std::to_string(file_size_or_zero(stream)) +
                    " bytes, limit " + std::to_string(policy.limits.output_bytes));

  kill_survivors();
  std::error_code ec;
  fs::remove_all(run_dir, ec);

  if (!bad.empty()) {
    std::string list;
    for (const auto& b : bad) list += "\n  - " + b;
    ADD_FAILURE() << c.name << " (" << c.attack << "): the sandbox did not hold:" << list
                  << "\nreport: " << sb::to_json(report).dump(2) << "\nstdout: " << head(outcome.out)
                  << "\nstderr: " << head(outcome.err);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileTest, ::testing::ValuesIn(list_hostile_sources()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           return info.param.stem().string();
                         });

// ---------------------------------------------------------------------------------------------------
// A few representative cases through the CLI, run by an unprivileged user: `proctor run` must confine
// them without root (Landlock, seccomp, rlimits) and report the same outcomes.

TEST(HostileCli, UnprivilegedUserGetsTheSameOutcomes) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to switch to nobody:nogroup with setpriv";
  const passwd* nobody = getpwnam("nobody");
  const group* nogroup = getgrnam("nogroup");
  if (nobody == nullptr || nogroup == nullptr) GTEST_SKIP() << "no nobody user or nogroup group";
  ASSERT_TRUE(fs::exists(PROCTOR_BINARY)) << PROCTOR_BINARY;

  // World-readable copies of the CLI and the programs; outputs in a directory owned by nobody.
  fs::path shared = make_temp_dir("proctor-hostile-cli", 0755);
  fs::copy_file(PROCTOR_BINARY, shared / "proctor");
  chmod((shared / "proctor").c_str(), 0755);
  fs::path work = shared / "work";
  fs::create_directory(work);
  ASSERT_EQ(chown(work.c_str(), nobody->pw_uid, nogroup->gr_gid), 0);
  chmod(work.c_str(), 0700);

  bool hello_confined = false;
  // Under PROCTOR_DISABLE_LANDLOCK=1 too: what this process's sandbox sees is what the CLI's sees.
  const bool kernel_has_landlock = sb::Sandbox().capabilities().landlock_abi > 0;
  for (const char* name : {"hello", "open_passwd", "fork_bomb", "cpu_spin", "memory_bomb"}) {
    SCOPED_TRACE(name);
    HostileCase c =
        parse_hostile_case(fs::path(PROCTOR_SOURCE_DIR) / "tests/hostile" / (std::string(name) + ".c"));
    fs::path binary;
    if (auto error = g_env->binary(c.source, binary, shared)) {
      ADD_FAILURE() << *error;
      continue;
    }
    if (c.danger && !hello_confined) {
      ADD_FAILURE()
          << "not running this dangerous program: hello did not run OK under seccomp through the CLI";
      continue;
    }

    kill_survivors();
    HostileFixture fx;
    auto option = [&](const char* key, std::uint64_t fallback) {
      auto it = c.options.find(key);
      return std::to_string(it == c.options.end() ? fallback : it->second);
    };
    fs::path out = work / (c.name + ".out"), err = work / (c.name + ".err"), json = work / (c.name + ".json");
    std::vector<std::string> argv = {"setpriv",
                                     "--reuid=" + std::string(nobody->pw_name),
                                     "--regid=" + std::string(nogroup->gr_name),
                                     "--clear-groups",
                                     (shared / "proctor").string(),
                                     "run",
                                     "--profile",
                                     c.profile,
                                     "--time-ms",
                                     option("time_ms", 1000),
                                     "--memory-mb",
                                     option("memory_mb", 256)};
    for (const auto& [key, flag] : std::vector<std::pair<const char*, const char*>>{
             {"wall_ms", "--wall-ms"}, {"output_kb", "--output-kb"}, {"threads", "--threads"}})
      if (c.options.count(key)) argv.insert(argv.end(), {flag, option(key, 0)});
    argv.insert(argv.end(), {"--stdout", out.string(), "--stderr", err.string(), "--json", json.string(),
                             "--", binary.string()});
    for (const auto& arg : c.args) argv.push_back(fx.substitute(arg));

    ProcessResult cli = run_process(argv, shared / (c.name + ".cli.out"), shared / (c.name + ".cli.err"),
                                    std::chrono::seconds(60), work);
    std::string cli_output = "proctor run: " + cli.describe() +
                             "\ncli stdout: " + head(read_file(shared / (c.name + ".cli.out"))) +
                             "\ncli stderr: " + head(read_file(shared / (c.name + ".cli.err")));
    nlohmann::json report;
    try {
      report = nlohmann::json::parse(read_file(json));
    } catch (const std::exception& e) {
      ADD_FAILURE() << "no readable run report at " << json << " (" << e.what() << ")\n" << cli_output;
      continue;
    }
    auto text = [&](const char* key) -> std::optional<std::string> {
      return report.contains(key) && report[key].is_string()
                 ? std::optional<std::string>(report[key].get<std::string>())
                 : std::nullopt;
    };
    auto number = [&](const char* key) -> std::optional<int> {
      return report.contains(key) && report[key].is_number_integer()
                 ? std::optional<int>(report[key].get<int>())
                 : std::nullopt;
    };
    Outcome outcome{text("status").value_or("(missing)"),
                    text("violation"),
                    text("limit"),
                    number("exit_code"),
                    number("signal"),
                    read_file(out),
                    read_file(err)};
    std::printf("[ hostile  ] cli as nobody: %s: %s\n", c.name.c_str(), report.dump().c_str());
    std::vector<std::string> bad = check_outcome(c, fx, outcome);
    int landlock_abi = report.value("/layers/landlock_abi"_json_pointer, 0);
    // Landlock where the kernel has it (an absent LSM must be said, not claimed).
    if (landlock_abi <= 0 && kernel_has_landlock)
      bad.push_back("layers.landlock_abi is " + std::to_string(landlock_abi));
    if (c.name == "hello")
      hello_confined = bad.empty() && report.value("/layers/seccomp"_json_pointer, false);
    kill_survivors();
    if (!bad.empty()) {
      std::string list;
      for (const auto& b : bad) list += "\n  - " + b;
      ADD_FAILURE() << c.name << " via the CLI as nobody:" << list << "\nreport: " << report.dump(2) << "\n"
                    << cli_output;
    }
  }
  std::error_code ec;
  fs::remove_all(shared, ec);
}

}  // namespace
