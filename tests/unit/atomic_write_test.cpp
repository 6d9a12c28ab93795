// fs::atomic_write: complete content or the old content, never a torn file, and no temporary left behind.
#include "fs/atomic_write.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"

namespace {

namespace stdfs = std::filesystem;
using proctor::fs::atomic_write;
using proctor::fs::read_file;
using proctor::runner::UserError;

class AtomicWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/proctor-atomic-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { stdfs::remove_all(dir_); }
  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(stdfs::directory_iterator(dir_), stdfs::directory_iterator()));
  }
  stdfs::path dir_;
};

TEST_F(AtomicWrite, CreatesAndReplaces) {
  stdfs::path f = dir_ / "a.json";
  atomic_write(f, "first");
  EXPECT_EQ(read_file(f), "first");
  atomic_write(f, "second, longer");
  EXPECT_EQ(read_file(f), "second, longer");
  atomic_write(f, "");
  EXPECT_EQ(read_file(f), "");
  EXPECT_EQ(entries(), 1u) << "a temporary file was left behind";
}

TEST_F(AtomicWrite, ErrorNamesTheFile) {
  stdfs::path f = dir_ / "missing-dir" / "x.json";
  try {
    atomic_write(f, "x");
    FAIL() << "no exception";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find(f.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicWrite, ConcurrentWritersNeverTearTheFile) {
  stdfs::path f = dir_ / "shared";
  std::vector<std::string> contents;
  for (int i = 0; i < 8; ++i) contents.push_back(std::string(100000 + i * 1000, static_cast<char>('a' + i)));
  std::vector<std::thread> threads;
  for (const std::string& c : contents) {
    threads.emplace_back([&f, &c] {
      for (int k = 0; k < 20; ++k) atomic_write(f, c);
    });
  }
  // Reads during the writes only ever see one whole version.
  for (int k = 0; k < 200; ++k) {
    if (!stdfs::exists(f)) continue;
    std::string got = read_file(f);
    bool whole = std::find(contents.begin(), contents.end(), got) != contents.end();
    ASSERT_TRUE(whole) << "torn read of " << got.size() << " bytes";
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicWrite, KilledWriterLeavesOldContent) {
  stdfs::path f = dir_ / "state";
  atomic_write(f, "old");
  for (int round = 0; round < 10; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::string big(8 << 20, 'n');
      for (;;) atomic_write(f, big);
    }
    ::usleep(static_cast<useconds_t>(round * 3000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::string got = read_file(f);
    EXPECT_TRUE(got == "old" || got == std::string(8 << 20, 'n'))
        << "torn file of " << got.size() << " bytes";
  }
}

TEST(ReadFile, RefusesDirectoriesAndOversizedFiles) {
  EXPECT_THROW(read_file("/"), UserError);
  EXPECT_THROW(read_file("/nonexistent/file"), UserError);
  EXPECT_THROW(read_file("/proc/self/exe", 16), UserError);
}

}  // namespace
