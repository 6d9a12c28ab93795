// The compiled-harness cache: entries round-trip, and a cache directory or entry that another user
// could write, or that is a link, is never used.
#include "execute/harness_cache.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "c_program.hpp"

namespace fs = std::filesystem;
using proctor::runner::harness_key;
using proctor::runner::HarnessCache;
using proctor::test::TempDirectory;

namespace {

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(HarnessCache, StoresAndFindsWholeEntries) {
  TempDirectory tmp;
  auto cache = HarnessCache::open(tmp.path() / "cache");
  ASSERT_TRUE(cache);
  struct stat st {};
  ASSERT_EQ(stat((tmp.path() / "cache").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_FALSE(cache->find("k1"));
  write(tmp.path() / "harness.o", "object bytes");
  cache->store("k1", {tmp.path() / "harness.o"});
  auto found = cache->find("k1");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(read(found->front()), "object bytes");
  // A second writer loses the race quietly; the first entry stays.
  write(tmp.path() / "harness.o.2", "other");
  fs::rename(tmp.path() / "harness.o.2", tmp.path() / "other.o");
  cache->store("k1", {tmp.path() / "other.o"});
  EXPECT_EQ(read(cache->find("k1")->front()), "object bytes");
  for (const auto& e : fs::directory_iterator(tmp.path() / "cache")) {
    EXPECT_NE(e.path().filename().string().rfind("tmp-", 0), 0u) << "left a temporary entry";
  }
}

TEST(HarnessCache, NeverTrustsADirectoryOthersCanWrite) {
  TempDirectory tmp;
  fs::create_directory(tmp.path() / "open");
  fs::permissions(tmp.path() / "open", fs::perms::all);
  EXPECT_FALSE(HarnessCache::open(tmp.path() / "open")) << "mode 0777";
  fs::create_directory(tmp.path() / "real", tmp.path());
  fs::permissions(tmp.path() / "real", fs::perms::owner_all, fs::perm_options::replace);
  fs::create_directory_symlink(tmp.path() / "real", tmp.path() / "link");
  EXPECT_FALSE(HarnessCache::open(tmp.path() / "link")) << "a symbolic link";
  EXPECT_TRUE(HarnessCache::open(tmp.path() / "real"));
}

TEST(HarnessCache, RefusesEntriesThatAreLinksOrOpenToOthers) {
  TempDirectory tmp;
  auto cache = HarnessCache::open(tmp.path() / "cache");
  ASSERT_TRUE(cache);
  fs::create_directory(tmp.path() / "planted");
  write(tmp.path() / "planted" / "harness.o", "evil");
  fs::create_directory_symlink(tmp.path() / "planted", tmp.path() / "cache" / "k-link");
  EXPECT_FALSE(cache->find("k-link"));
  fs::create_directory(tmp.path() / "cache" / "k-open");
  write(tmp.path() / "cache" / "k-open" / "harness.o", "evil");
  fs::permissions(tmp.path() / "cache" / "k-open", fs::perms::all);
  EXPECT_FALSE(cache->find("k-open"));
}

TEST(HarnessCache, KeyChangesWithSourcesFlagsAndCompiler) {
  TempDirectory tmp;
  write(tmp.path() / "harness.c", "int main(void){return 0;}\n");
  write(tmp.path() / "api.h", "int f(void);\n");
  const std::vector<std::string> flags = {"gcc", "-O2", "-c", "harness.c"};
  const std::string base = harness_key("ex", tmp.path(), flags, "gcc 12.2.0");
  EXPECT_EQ(base.size(), 64u);
  EXPECT_EQ(harness_key("ex", tmp.path(), flags, "gcc 12.2.0"), base);
  EXPECT_NE(harness_key("ex2", tmp.path(), flags, "gcc 12.2.0"), base);
  EXPECT_NE(harness_key("ex", tmp.path(), {"gcc", "-O0", "-c", "harness.c"}, "gcc 12.2.0"), base);
  EXPECT_NE(harness_key("ex", tmp.path(), flags, "gcc 13.1.0"), base);
  write(tmp.path() / "api.h", "int f(int);\n");
  EXPECT_NE(harness_key("ex", tmp.path(), flags, "gcc 12.2.0"), base);
}

}  // namespace
