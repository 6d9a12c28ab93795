// static_executable_problem(): what `proctor run` refuses up front (exit 2) instead of a failed exec.
#include "proctor/sandbox/elf.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using proctor::sandbox::static_executable_problem;

TEST(StaticExecutable, AStaticProgramIsAccepted) {
  // Built by the test build (tests/CMakeLists.txt: the hostile corpus, gcc -static).
  const std::filesystem::path hello = std::filesystem::path(PROCTOR_HOSTILE_BIN_DIR) / "hello";
  ASSERT_TRUE(std::filesystem::exists(hello)) << hello;
  EXPECT_FALSE(static_executable_problem(hello)) << *static_executable_problem(hello);
}

TEST(StaticExecutable, ADynamicProgramIsRefusedNamingItsInterpreter) {
  auto problem = static_executable_problem("/bin/echo");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("dynamically linked"), std::string::npos) << *problem;
  EXPECT_NE(problem->find("ld-linux"), std::string::npos) << *problem;
}

TEST(StaticExecutable, AScriptIsRefused) {
  const auto script =
      std::filesystem::temp_directory_path() / ("proctor-elf-test-" + std::to_string(getpid()));
  std::ofstream(script) << "#!/bin/sh\necho hi\n";
  auto problem = static_executable_problem(script);
  std::filesystem::remove(script);
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("not an ELF"), std::string::npos) << *problem;
}

TEST(StaticExecutable, AMissingFileIsRefused) {
  auto problem = static_executable_problem("/nonexistent/proctor-elf-test");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("cannot be opened"), std::string::npos) << *problem;
}

TEST(LoadedImage, CountsTheZeroFilledStaticArrayAsWellAsTheCode) {
  const std::filesystem::path bin(PROCTOR_HOSTILE_BIN_DIR);
  const auto hello = proctor::sandbox::loaded_image_bytes(bin / "hello");
  EXPECT_GT(hello, 100u * 1024);                                                      // static glibc
  EXPECT_LT(hello, 16u * 1024 * 1024);                                                // and nothing large
  EXPECT_GE(proctor::sandbox::loaded_image_bytes(bin / "static_array"), 1ULL << 30);  // 1 GiB of .bss
  EXPECT_EQ(proctor::sandbox::loaded_image_bytes("/nonexistent/proctor-elf-test"), 0u);
}
