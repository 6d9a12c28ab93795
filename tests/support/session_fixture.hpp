#pragma once
// The session tests' fixture: a tiny exercise package (sum of two numbers, with an accepted reference so
// it passes `exercise validate`), a sessions directory, proctor processes with captured output, and the
// test's own clock (PROCTOR_CLOCK_FILE, docs/sessions.md "Testing") moved instead of sleeping.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "schema_check.hpp"
#include "session/clock.hpp"

namespace proctor::test::session_fixture {

namespace stdfs = std::filesystem;
using nlohmann::json;
using namespace std::chrono_literals;

inline const char* kCorrect =
    "#include <stdio.h>\nint main(void) { long a, b; scanf(\"%ld %ld\", &a, &b); printf(\"%ld\\n\", a + b); "
    "return 0; }\n";
inline const char* kWrong =
    "#include <stdio.h>\nint main(void) { long a, b; scanf(\"%ld %ld\", &a, &b); printf(\"%ld\\n\", a - b); "
    "return 0; }\n";
inline const char* kBroken = "int main(void) { return undefined_name; }\n";

inline void write(const stdfs::path& p, const std::string& content) {
  stdfs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

inline std::string read(const stdfs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Outcome {
  int code = -1;
  std::string out, err;
  json parsed() const {
    try {
      return json::parse(out);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not JSON (" << e.what() << "):\n" << out << "\nstderr: " << err;
      return json::object();
    }
  }
};

// A proctor process with stdout/stderr captured in files, so several can run at once.
class Proc {
 public:
  Proc(const std::vector<std::string>& args, const stdfs::path& scratch) {
    static int counter = 0;
    out_ = scratch / ("out-" + std::to_string(::getpid()) + "-" + std::to_string(counter));
    err_ = scratch / ("err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    pid_ = ::fork();
    if (pid_ == 0) {
      int o = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int e = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(o, 1);
      ::dup2(e, 2);
      int in = ::open("/dev/null", O_RDONLY);
      ::dup2(in, 0);
      std::vector<char*> argv;
      std::string bin = PROCTOR_BINARY;
      argv.push_back(bin.data());
      std::vector<std::string> copy = args;
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(bin.c_str(), argv.data());
      ::_exit(127);
    }
  }
  pid_t pid() const { return pid_; }
  Outcome wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read(out_);
    r.err = read(err_);
    return r;
  }

 private:
  pid_t pid_ = -1;
  stdfs::path out_, err_;
};

class SessionFlow : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/proctor-session-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    sessions_ = dir_ / "sessions";
    package_ = dir_ / "sum-two";
    write(package_ / "exercise.json",
          R"({"id": "sum-two", "title": "Sum two numbers", "kind": "program", "language": "c",
              "duration_minutes": 30, "limits": {"time_ms": 1000, "memory_mb": 64, "output_kb": 64},
              "checker": {"type": "tokens"}})");
    write(package_ / "statement.md", "# Sum two numbers\nRead two integers and print their sum.\n");
    write(package_ / "starter.c", "#include <stdio.h>\nint main(void) { return 0; }\n");
    write(package_ / "data/sample/1.in", "1 2\n");
    write(package_ / "data/sample/1.ans", "3\n");
    write(package_ / "data/secret/1.in", "40 2\n");
    write(package_ / "data/secret/1.ans", "42\n");
    write(package_ / "data/secret/2.in", "-5 5\n");
    write(package_ / "data/secret/2.ans", "0\n");
    write(package_ / "submissions/accepted/ref.c", kCorrect);
    write(dir_ / "correct.c", kCorrect);
    write(dir_ / "wrong.c", kWrong);
    write(dir_ / "broken.c", kBroken);
    clock_file_ = dir_ / "clock";
    set_clock(proctor::session::from_iso("2030-01-15T09:00:00.000Z"));
    ::setenv("PROCTOR_CLOCK_FILE", clock_file_.c_str(), 1);  // inherited by every proctor process
  }
  void TearDown() override {
    ::unsetenv("PROCTOR_CLOCK_FILE");
    stdfs::remove_all(dir_);
  }

  // Written to a temporary file and renamed, so a proctor process never reads a half-written instant.
  void set_clock(proctor::session::Instant t) {
    clock_ = t;
    write(clock_file_.string() + ".tmp", proctor::session::to_iso(t) + "\n");
    stdfs::rename(clock_file_.string() + ".tmp", clock_file_);
  }
  void advance(std::chrono::milliseconds d) { set_clock(clock_ + d); }

  Outcome proctor(std::vector<std::string> args) { return Proc(with_sessions(std::move(args)), dir_).wait(); }
  std::vector<std::string> with_sessions(std::vector<std::string> args) {
    if (args.size() >= 2 && args[0] == "session") {
      args.push_back("--sessions");
      args.push_back(sessions_.string());
    }
    return args;
  }

  std::string start(const std::string& duration = "10m") {
    Outcome r = proctor({"session", "start", package_.string(), "--candidate", "Ada <Lovelace>", "--duration",
                         duration, "--json"});
    EXPECT_EQ(r.code, 0) << r.err;
    std::string id = r.parsed().value("id", "");
    EXPECT_FALSE(id.empty()) << r.out;
    return id;
  }
  json session_json(const std::string& id) { return json::parse(read(sessions_ / id / "session.json")); }

  stdfs::path dir_, sessions_, package_, clock_file_;
  proctor::session::Instant clock_;
};

}  // namespace proctor::test::session_fixture
