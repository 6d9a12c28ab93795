#pragma once
// The hostile corpus (tests/hostile/*.c): parsing the header every program starts with, the fixtures
// an attack is aimed at (a secret file, a marker path, a loopback listener, an environment secret), and
// the checks that decide whether the sandbox held.
//
// Header format, one `// key: value` line each, before the first line that is not a `//` comment
// (other `//` lines in the header are free text):
//   attack:    one line description (required)
//   expect:    OK|TLE|MLE|RTE|OLE|SV, several separated by '|' when more than one outcome is safe (required)
//   violation: the syscall the report must name when the status is SV ('|' list allowed). Without it an
//              SV must still name some syscall. A status other than SV must name none.
//   limit:     cpu|wall|memory|output|processes: report.limit when the status is TLE, MLE or OLE (those
//              statuses must always name a limit; an OK run must name none); '|' list allowed
//   profile:   program (default) | compile | checker | sanitizer (tests/hostile/sanitizer/: built with
//              -fsanitize=address,undefined, dynamically, by sanitizer_profile_test)
//   options:   key=value ... with keys time_ms wall_ms memory_mb output_kb threads processes
//   args:      extra argv, split on blanks; {port} {secret_path} {marker_path} are substituted
//   check:     comma list of
//                marker       no file at {marker_path} afterwards
//                survivor     no live process named "hostile-surv" (500 ms grace for SIGKILL delivery)
//                connect      the loopback listener on {port} has no pending or accepted connection
//                secret       stdout and stderr do not contain the secret file's content
//                env          stdout and stderr do not contain PROCTOR_HOSTILE_ENV_SECRET's value
//                passwd       stdout and stderr contain no line of /etc/passwd
//                stdout=TEXT  stdout equals TEXT after trimming white space at both ends
//                absent=TEXT  neither stdout nor stderr contains TEXT
//                exit=N       the report's exit code is N
//                signal=N     the report's signal is N
//   danger:    yes: the program harms the machine when unconfined (fork/memory bombs, floods, kill(-1));
//              the driver runs it only after hello.c ran OK under the same profile with seccomp, a memory
//              limit and a process limit reported active
//   requires:  ia32: the kernel must accept int 0x80 (probed; the case is skipped otherwise)
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace proctor::test {

namespace fs = std::filesystem;

struct HostileCase {
  std::string name;  // file stem, e.g. "fork_bomb"
  fs::path source;
  std::string attack;
  std::vector<std::string> expect;      // statuses as spelled by sandbox::to_string
  std::vector<std::string> violations;  // empty: any name, but one must be given for SV
  std::optional<std::string> limit;
  std::string profile = "program";
  std::map<std::string, std::uint64_t> options;
  std::vector<std::string> args;
  std::vector<std::string> checks;
  bool danger = false;
  std::vector<std::string> requires_features;

  std::string expect_text() const {
    std::string s;
    for (const auto& e : expect) s += (s.empty() ? "" : "|") + e;
    return s;
  }
};

inline std::string trim(const std::string& s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep)) {
    item = trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

inline std::vector<std::string> split_blanks(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Throws std::runtime_error on a malformed header, so that a typo fails its case instead of testing nothing.
inline HostileCase parse_hostile_case(const fs::path& source) {
  static const std::vector<std::string> kStatuses = {"OK", "TLE", "MLE", "RTE", "OLE", "SV"};
  static const std::vector<std::string> kLimits = {"cpu", "wall", "memory", "output", "processes"};
  static const std::vector<std::string> kOptions = {"time_ms",   "wall_ms", "memory_mb",
                                                    "output_kb", "threads", "processes"};
  static const std::vector<std::string> kChecks = {"marker", "survivor", "connect",
                                                   "secret", "env",      "passwd"};
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(source.filename().string() + ": " + what);
  };
  auto one_of = [](const std::vector<std::string>& set, const std::string& v) {
    return std::find(set.begin(), set.end(), v) != set.end();
  };

  HostileCase c;
  c.name = source.stem().string();
  c.source = source;
  std::ifstream in(source);
  if (!in) fail("cannot read");
  bool have_expect = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("//", 0) != 0) break;
    std::string body = line.substr(2);
    if (!body.empty() && body[0] == ' ') body.erase(0, 1);
    auto colon = body.find(": ");
    std::string key = colon == std::string::npos ? "" : body.substr(0, colon);
    if (key.empty() || !std::all_of(key.begin(), key.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
      continue;  // free text
    std::string value = trim(body.substr(colon + 2));
    if (key == "attack") {
      c.attack = value;
    } else if (key == "expect") {
      c.expect = split(value, '|');
      for (const auto& s : c.expect)
        if (!one_of(kStatuses, s)) fail("unknown status '" + s + "'");
      have_expect = !c.expect.empty();
    } else if (key == "violation") {
      c.violations = split(value, '|');
    } else if (key == "limit") {
      for (const auto& l : split(value, '|'))
        if (!one_of(kLimits, l)) fail("unknown limit '" + l + "'");
      c.limit = value;
    } else if (key == "profile") {
      if (value != "program" && value != "compile" && value != "checker" && value != "sanitizer")
        fail("unknown profile " + value);
      c.profile = value;
    } else if (key == "options") {
      for (const auto& kv : split_blanks(value)) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || !one_of(kOptions, kv.substr(0, eq))) fail("bad option '" + kv + "'");
        c.options[kv.substr(0, eq)] = std::stoull(kv.substr(eq + 1));
      }
    } else if (key == "args") {
      c.args = split_blanks(value);
    } else if (key == "check") {
      for (const auto& check : split(value, ',')) {
        bool parametrised = check.rfind("stdout=", 0) == 0 || check.rfind("absent=", 0) == 0 ||
                            check.rfind("exit=", 0) == 0 || check.rfind("signal=", 0) == 0;
        if (!parametrised && !one_of(kChecks, check)) fail("unknown check '" + check + "'");
        c.checks.push_back(check);
      }
    } else if (key == "danger") {
      if (value != "yes") fail("danger: must be 'yes'");
      c.danger = true;
    } else if (key == "requires") {
      c.requires_features = split_blanks(value);
      for (const auto& r : c.requires_features)
        if (r != "ia32") fail("unknown requirement '" + r + "'");
    } else {
      fail("unknown header key '" + key + "'");
    }
  }
  if (c.attack.empty()) fail("missing '// attack:'");
  if (!have_expect) fail("missing '// expect:'");
  return c;
}

inline std::vector<fs::path> list_hostile_sources() {
  std::vector<fs::path> out;
  fs::path dir = fs::path(PROCTOR_SOURCE_DIR) / "tests" / "hostile";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".c") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string random_hex(std::size_t bytes) {
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  std::string out;
  static const char* digits = "0123456789abcdef";
  for (std::size_t i = 0; i < bytes; i++) {
    unsigned char b = static_cast<unsigned char>(urandom.get());
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

inline fs::path make_temp_dir(const std::string& prefix, mode_t mode) {
  std::string templ = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + templ);
  if (chmod(templ.c_str(), mode) != 0) throw std::runtime_error("chmod failed for " + templ);
  return templ;
}

// What the attacks aim at. Each case gets fresh ones.
class HostileFixture {
 public:
  HostileFixture() {
    secret_dir_ = make_temp_dir("proctor-hostile-secret", 0700);
    secret_path = secret_dir_ / "answers.txt";
    secret = "proctor-secret-" + random_hex(16);
    std::ofstream(secret_path) << secret << "\n";
    chmod(secret_path.c_str(), 0600);
    // Deliberately inherited (no O_CLOEXEC): the sandbox must close every fd beyond 2 itself.
    secret_fd_ = open(secret_path.c_str(), O_RDONLY);

    marker_path = fs::temp_directory_path() / ("proctor-hostile-marker-" + random_hex(8));
    if (fs::exists(marker_path)) throw std::runtime_error("marker already exists: " + marker_path.string());

    env_secret = "proctor-env-" + random_hex(16);
    setenv("PROCTOR_HOSTILE_ENV_SECRET", env_secret.c_str(), 1);

    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);  // inherited on purpose, like the secret fd
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(listen_fd_, 16) != 0 || getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      throw std::runtime_error("cannot set up the loopback listener");
    port = ntohs(addr.sin_port);
  }

  ~HostileFixture() {
    if (secret_fd_ >= 0) close(secret_fd_);
    if (listen_fd_ >= 0) close(listen_fd_);
    std::error_code ec;
    fs::remove_all(secret_dir_, ec);
    fs::remove(marker_path, ec);
    unsetenv("PROCTOR_HOSTILE_ENV_SECRET");
  }

  HostileFixture(const HostileFixture&) = delete;
  HostileFixture& operator=(const HostileFixture&) = delete;

  std::string substitute(std::string arg) const {
    auto replace = [&](const std::string& from, const std::string& to) {
      for (auto pos = arg.find(from); pos != std::string::npos; pos = arg.find(from, pos + to.size()))
        arg.replace(pos, from.size(), to);
    };
    replace("{port}", std::to_string(port));
    replace("{secret_path}", secret_path.string());
    replace("{marker_path}", marker_path.string());
    return arg;
  }

  // True when something connected to the listener (a pending connection counts: the handshake happened).
  bool listener_was_contacted() const {
    fcntl(listen_fd_, F_SETFL, fcntl(listen_fd_, F_GETFL) | O_NONBLOCK);
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd >= 0) {
      close(fd);
      return true;
    }
    return false;
  }

  fs::path secret_path;
  std::string secret;
  fs::path marker_path;
  std::string env_secret;
  int port = 0;

 private:
  fs::path secret_dir_;
  int secret_fd_ = -1;
  int listen_fd_ = -1;
};

// When set (e.g. "pids:/proctor-hostile-123"), survivors are looked for only among processes whose
// /proc/PID/cgroup line for that controller is at or below that path: test processes running in
// parallel (ctest -j) each have their own outer cgroup and must not see or kill each other's programs.
inline std::string& survivor_scope() {
  static std::string scope;
  return scope;
}

inline bool in_survivor_scope(const std::string& proc_dir) {
  const std::string& scope = survivor_scope();
  if (scope.empty()) return true;
  auto colon = scope.find(':');
  std::string controller = scope.substr(0, colon), path = scope.substr(colon + 1);
  std::istringstream lines(read_file(proc_dir + "/cgroup"));
  for (std::string line; std::getline(lines, line);) {
    auto a = line.find(':'), b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    std::string controllers = "," + line.substr(a + 1, b - a - 1) + ",";
    if (controllers.find("," + controller + ",") == std::string::npos) continue;
    std::string own = line.substr(b + 1);
    return own == path || own.rfind(path + "/", 0) == 0;
  }
  return false;
}

// The real uid of a process, from /proc/PID/status; -1 when it is gone.
inline long real_uid_of(const std::string& proc_dir) {
  std::istringstream lines(read_file(proc_dir + "/status"));
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("Uid:", 0) == 0) return std::strtol(line.c_str() + 4, nullptr, 10);
  return -1;
}

// Live (non-zombie) processes whose comm is "hostile-surv" (within survivor_scope()). Without a scope
// and without root, the runs are this user's own processes (nothing can change their uid), so only
// this user's count: another user's test on the same machine, such as the QEMU suite's root half
// beside its user half, has survivors of its own, staged or not.
inline std::vector<pid_t> find_survivors() {
  std::vector<pid_t> out;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return out;
  while (dirent* e = readdir(proc)) {
    char* end = nullptr;
    long pid = std::strtol(e->d_name, &end, 10);
    if (pid <= 0 || *end != '\0') continue;
    std::string base = std::string("/proc/") + e->d_name;
    if (trim(read_file(base + "/comm")) != "hostile-surv") continue;
    std::string stat = read_file(base + "/stat");
    auto paren = stat.rfind(')');
    if (paren == std::string::npos || paren + 2 >= stat.size()) continue;
    char state = stat[paren + 2];
    if (state == 'Z' || state == 'X') continue;
    if (!in_survivor_scope(base)) continue;
    if (survivor_scope().empty() && geteuid() != 0 && real_uid_of(base) != static_cast<long>(geteuid()))
      continue;
    out.push_back(static_cast<pid_t>(pid));
  }
  closedir(proc);
  return out;
}

// Survivors are programs of this test that a sandbox failed to kill: end them so one failure does not
// spill into the next case.
inline void kill_survivors() {
  for (pid_t pid : find_survivors()) kill(pid, SIGKILL);
}

// The outcome of one run, from an in-process RunReport or from the CLI's JSON report.
struct Outcome {
  std::string status;
  std::optional<std::string> violation;
  std::optional<std::string> limit;
  std::optional<int> exit_code;
  std::optional<int> signal;
  std::string out;  // stdout content
  std::string err;  // stderr content
};

// Every way the outcome disagrees with the case; empty when the sandbox held.
inline std::vector<std::string> check_outcome(const HostileCase& c, const HostileFixture& fx,
                                              const Outcome& o) {
  std::vector<std::string> bad;
  auto contains = [&](const std::string& needle) {
    return !needle.empty() &&
           (o.out.find(needle) != std::string::npos || o.err.find(needle) != std::string::npos);
  };

  if (std::find(c.expect.begin(), c.expect.end(), o.status) == c.expect.end())
    bad.push_back("status " + o.status + ", expected " + c.expect_text());

  if (o.status == "SV") {
    if (!o.violation || o.violation->empty()) {
      bad.push_back("SV without a violation name");
    } else if (!c.violations.empty() &&
               std::find(c.violations.begin(), c.violations.end(), *o.violation) == c.violations.end()) {
      std::string want;
      for (const auto& v : c.violations) want += (want.empty() ? "" : "|") + v;
      bad.push_back("violation '" + *o.violation + "', expected '" + want + "'");
    }
  } else if (o.violation) {
    bad.push_back("violation '" + *o.violation + "' reported with status " + o.status);
  }

  if (o.status == "TLE" || o.status == "MLE" || o.status == "OLE") {
    if (!o.limit)
      bad.push_back(o.status + " without a limit name");
    else if (c.limit && ("|" + *c.limit + "|").find("|" + *o.limit + "|") == std::string::npos)
      bad.push_back("limit '" + *o.limit + "', expected '" + *c.limit + "'");
  } else if (o.status == "OK" && o.limit) {
    bad.push_back("limit '" + *o.limit + "' reported for an OK run");
  }

  for (const auto& check : c.checks) {
    if (check == "marker") {
      if (fs::exists(fx.marker_path)) bad.push_back("marker file created: " + fx.marker_path.string());
    } else if (check == "survivor") {
      std::vector<pid_t> alive = find_survivors();
      for (int i = 0; i < 50 && !alive.empty(); i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        alive = find_survivors();
      }
      if (!alive.empty()) {
        std::string pids;
        for (pid_t p : alive) pids += " " + std::to_string(p);
        bad.push_back("processes named hostile-surv outlived the run:" + pids);
      }
    } else if (check == "connect") {
      if (fx.listener_was_contacted())
        bad.push_back("the loopback listener on port " + std::to_string(fx.port) + " received a connection");
    } else if (check == "secret") {
      if (contains(fx.secret)) bad.push_back("the secret file's content appeared in the output");
    } else if (check == "env") {
      if (contains(fx.env_secret)) bad.push_back("PROCTOR_HOSTILE_ENV_SECRET's value appeared in the output");
    } else if (check == "passwd") {
      std::istringstream passwd(read_file("/etc/passwd"));
      for (std::string line; std::getline(passwd, line);)
        if (trim(line).size() >= 8 && contains(trim(line))) {
          bad.push_back("a line of /etc/passwd appeared in the output: " + trim(line));
          break;
        }
    } else if (check.rfind("stdout=", 0) == 0) {
      std::string want = check.substr(7);
      if (trim(o.out) != want)
        bad.push_back("stdout '" + trim(o.out).substr(0, 200) + "', expected '" + want + "'");
    } else if (check.rfind("absent=", 0) == 0) {
      if (contains(check.substr(7))) bad.push_back("output contains '" + check.substr(7) + "'");
    } else if (check.rfind("exit=", 0) == 0) {
      int want = std::stoi(check.substr(5));
      if (o.exit_code != want)
        bad.push_back("exit code " + (o.exit_code ? std::to_string(*o.exit_code) : std::string("none")) +
                      ", expected " + std::to_string(want));
    } else if (check.rfind("signal=", 0) == 0) {
      int want = std::stoi(check.substr(7));
      if (o.signal != want)
        bad.push_back("signal " + (o.signal ? std::to_string(*o.signal) : std::string("none")) +
                      ", expected " + std::to_string(want));
    }
  }
  return bad;
}

}  // namespace proctor::test
