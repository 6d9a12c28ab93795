#pragma once
// What the program and checker profiles can run: a statically linked executable. They give the program
// no file system at all, so a dynamically linked one could never load its libraries; callers refuse it
// up front with a clear message instead of a failed exec.
#include <filesystem>
#include <optional>
#include <string>

namespace proctor::sandbox {

// Empty when `file` is a statically linked ELF executable of this machine's architecture; otherwise
// why it cannot run in the program profile ("is dynamically linked (interpreter /lib64/ld-linux-x86-64.so.2)",
// "is not an ELF executable", ...). Reads at most the ELF and program headers.
std::optional<std::string> static_executable_problem(const std::filesystem::path& file);

}  // namespace proctor::sandbox
