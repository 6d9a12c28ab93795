// `proctor run`: what a person sees when the command cannot run in the program profile.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli.hpp"

using proctor::test::run_cli;

namespace {

int count_lines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

TEST(RunCommand, ADynamicallyLinkedProgramIsRefusedWithExitTwoAndOneLine) {
  auto r = run_cli("run -- /bin/echo hi");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(count_lines(r.output), 1) << r.output;
  EXPECT_NE(r.output.find("/bin/echo is dynamically linked"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("gcc -static"), std::string::npos) << r.output;
}

TEST(RunCommand, ACommandFoundOnPathIsCheckedToo) {
  auto r = run_cli("run -- echo hi");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("dynamically linked"), std::string::npos) << r.output;
}

TEST(RunCommand, AMissingCommandIsBadInput) {
  auto r = run_cli("run -- /nonexistent/proctor-run-test");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(count_lines(r.output), 1) << r.output;
}

TEST(RunCommand, AStaticProgramRuns) {
  const std::string hello = (std::filesystem::path(PROCTOR_HOSTILE_BIN_DIR) / "hello").string();
  auto r = run_cli("run -- " + proctor::test::shell_quote(hello));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("status OK"), std::string::npos) << r.output;
}
