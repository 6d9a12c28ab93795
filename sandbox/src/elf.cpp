#include "proctor/sandbox/elf.hpp"

#include <elf.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "profiles.hpp"
#include "scoped_fd.hpp"

namespace proctor::sandbox {
namespace {

bool read_at(int fd, void* buffer, std::size_t size, off_t offset) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = pread(fd, static_cast<char*>(buffer) + done, size - done, offset + static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::optional<std::string> static_executable_problem(const std::filesystem::path& file) {
  ScopedFd fd(open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return std::string("cannot be opened: ") + std::strerror(errno);
  Elf64_Ehdr header{};
  if (!read_at(fd.get(), &header, sizeof header, 0) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) {
    return std::string("is not an ELF executable (a script or a data file cannot run in the sandbox)");
  }
  if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_machine != EM_X86_64) {
    return std::string("is not an x86-64 executable");
  }
  if (header.e_type != ET_EXEC && header.e_type != ET_DYN) return std::string("is not an executable");
  if (header.e_phentsize != sizeof(Elf64_Phdr) || header.e_phnum == 0 || header.e_phnum > 256) {
    return std::string("has no readable program headers");
  }
  std::vector<Elf64_Phdr> segments(header.e_phnum);
  if (!read_at(fd.get(), segments.data(), segments.size() * sizeof(Elf64_Phdr),
               static_cast<off_t>(header.e_phoff))) {
    return std::string("has no readable program headers");
  }
  for (const Elf64_Phdr& segment : segments) {
    if (segment.p_type != PT_INTERP) continue;
    std::string interpreter(std::min<std::uint64_t>(segment.p_filesz, 4096), '\0');
    if (!read_at(fd.get(), interpreter.data(), interpreter.size(), static_cast<off_t>(segment.p_offset))) {
      interpreter.clear();
    }
    interpreter = interpreter.c_str();  // stop at the NUL
    return "is dynamically linked (interpreter " + (interpreter.empty() ? std::string("?") : interpreter) +
           "): the program and checker profiles run only statically linked executables (gcc -static)";
  }
  return std::nullopt;
}

std::uint64_t loaded_image_bytes(const std::filesystem::path& file) {
  ScopedFd fd(open(file.c_str(), O_RDONLY | O_CLOEXEC));
  Elf64_Ehdr header{};
  if (!fd || !read_at(fd.get(), &header, sizeof header, 0) ||
      std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64 ||
      header.e_phentsize != sizeof(Elf64_Phdr) || header.e_phnum > 256) {
    return 0;
  }
  std::vector<Elf64_Phdr> segments(header.e_phnum);
  if (!read_at(fd.get(), segments.data(), segments.size() * sizeof(Elf64_Phdr),
               static_cast<off_t>(header.e_phoff))) {
    return 0;
  }
  std::uint64_t total = 0;
  for (const Elf64_Phdr& segment : segments) {
    if (segment.p_type == PT_LOAD) total += segment.p_memsz;
  }
  return total;
}

std::optional<std::string> command_problem(const Policy& policy) {
  if (policy.argv.empty()) return std::string("no command to run");
  // The compiler is a host tool; a sanitized build is dynamically linked by necessity.
  if (policy.profile == Profile::compile || policy.profile == Profile::sanitizer) return std::nullopt;
  const std::filesystem::path executable = resolve_executable(policy.argv[0]);
  if (executable.empty()) return "command not found: " + policy.argv[0];
  if (auto problem = static_executable_problem(executable)) return executable.string() + " " + *problem;
  return std::nullopt;
}

}  // namespace proctor::sandbox
