#pragma once
// Compiles a small C program (our own, trusted) into a static binary for tests of real processes.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
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

// Where compile_c keeps what it compiled, by content: the build directory's test-programs/ (every test
// executable is compiled with PROCTOR_BUILD_DIR). Each case runs in its own process, so without it the
// same program was compiled again by every case and every rerun; and the QEMU suite (tests/vm), which
// sees the host's build directory read-only, reuses what the host's run compiled instead of running gcc
// under emulation (about 1.5 s a program there). Empty: no cache.
inline std::filesystem::path compiled_program_cache() {
#ifdef PROCTOR_BUILD_DIR
  return std::filesystem::path(PROCTOR_BUILD_DIR) / "test-programs";
#else
  return {};
#endif
}

// FNV-1a, 64 bits: a cache key, not a security boundary (the sources are our own tests').
inline std::string program_key(const std::string& command, const std::string& source) {
  std::uint64_t h = 1469598103934665603ull;
  for (const std::string* part : {&command, &source}) {
    for (unsigned char c : *part) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

// Returns the path of the binary (dir/name, beside its source dir/name.c); throws when gcc fails.
// The same source is compiled once per build directory (compiled_program_cache; a new compiler needs a
// fresh build directory, as for everything else built there); a cache that cannot be read or written
// (another user's build directory) only means compiling here.
inline std::filesystem::path compile_c(const std::filesystem::path& dir, const std::string& name,
                                       const std::string& source) {
  namespace fs = std::filesystem;
  static const std::string kFlags = "gcc -std=gnu17 -O1 -static", kLibraries = "-lm -lpthread";
  const auto src = dir / (name + ".c");
  const auto bin = dir / name;
  write_text(src, source);
  const fs::path cache = compiled_program_cache();
  const fs::path cached = cache.empty() ? fs::path() : cache / program_key(kFlags + " " + kLibraries, source);
  std::error_code ec;
  if (!cached.empty() && fs::copy_file(cached, bin, fs::copy_options::overwrite_existing, ec)) {
    chmod(bin.c_str(), 0755);
    return bin;
  }
  const std::string cmd = kFlags + " -o '" + bin.string() + "' '" + src.string() + "' " + kLibraries;
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("gcc failed for " + name);
  chmod(bin.c_str(), 0755);
  if (!cached.empty()) {
    // Published whole or not at all: a copy under a unique name, then a rename over the key.
    fs::create_directories(cache, ec);
    const fs::path partial = cache / (cached.filename().string() + "." + std::to_string(getpid()) + ".tmp");
    if (fs::copy_file(bin, partial, fs::copy_options::overwrite_existing, ec)) {
      chmod(partial.c_str(), 0755);
      fs::rename(partial, cached, ec);
      if (ec) fs::remove(partial, ec);
    }
  }
  return bin;
}

}  // namespace proctor::test
