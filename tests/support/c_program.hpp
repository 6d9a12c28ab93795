#pragma once
// Compiles a small C program (our own, trusted) into a static binary for tests of real processes.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace proctor::test {

class TempDirectory {
 public:
  TempDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "proctor-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
    chmod(path_.c_str(), 0755);
  }
  ~TempDirectory() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void write_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Returns the path of the binary; throws when gcc fails.
inline std::filesystem::path compile_c(const std::filesystem::path& dir, const std::string& name,
                                       const std::string& source) {
  const auto src = dir / (name + ".c");
  const auto bin = dir / name;
  write_text(src, source);
  const std::string cmd =
      "gcc -std=gnu17 -O1 -static -o '" + bin.string() + "' '" + src.string() + "' -lm -lpthread";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("gcc failed for " + name);
  chmod(bin.c_str(), 0755);
  return bin;
}

}  // namespace proctor::test
