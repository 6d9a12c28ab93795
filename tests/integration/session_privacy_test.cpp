// A session directory holds a frozen copy of the package (hidden tests, reference solutions): other
// local users must not be able to read it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "c_program.hpp"
#include "cli.hpp"

namespace fs = std::filesystem;
using proctor::test::run_cli;
using proctor::test::shell_quote;

TEST(SessionPrivacy, ASessionDirectoryIsPrivateToItsOwner) {
  proctor::test::TempDirectory dir;
  const fs::path sessions = dir.path() / "sessions";
  auto r = run_cli("session start " + shell_quote(std::string(PROCTOR_SOURCE_DIR) + "/exercises/log-levels") +
                   " --candidate Ada --duration 5m --json --sessions " + shell_quote(sessions.string()));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto start = r.output.find('{');
  ASSERT_NE(start, std::string::npos) << r.output;
  const std::string id = nlohmann::json::parse(r.output.substr(start))["id"];
  struct stat st {};
  ASSERT_EQ(stat((sessions / id).c_str(), &st), 0) << (sessions / id);
  EXPECT_EQ(st.st_mode & 0777, 0700u) << "mode " << std::oct << (st.st_mode & 0777);
  EXPECT_TRUE(fs::exists(sessions / id / "package" / "data" / "secret"));
}
