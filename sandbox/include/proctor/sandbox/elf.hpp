#pragma once
// What the program and checker profiles can run: a statically linked executable. They give the program
// no file system at all, so a dynamically linked one could never load its libraries; callers refuse it
// up front with a clear message instead of a failed exec.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "proctor/sandbox/policy.hpp"

namespace proctor::sandbox {

// Empty when `file` is a statically linked ELF executable of this machine's architecture; otherwise
// why it cannot run in the program profile ("is dynamically linked (interpreter
// /lib64/ld-linux-x86-64.so.2)", "is not an ELF executable", ...). Reads at most the ELF and program headers.
std::optional<std::string> static_executable_problem(const std::filesystem::path& file);

// Bytes the kernel maps for the executable's loadable segments (code, data and the zero-filled .bss),
// 0 when they cannot be read. A program whose image alone exceeds its memory limit is MLE before it
// runs: whether such an exec fails (ENOMEM) or the program dies at its first touch (SIGSEGV) depends
// on the kernel and on the memory layer, and the verdict must not.
std::uint64_t loaded_image_bytes(const std::filesystem::path& file);

// For a policy about to run: empty when its command can run under its profile (the compile profile
// runs the system's dynamically linked toolchain, so only the program and checker profiles are
// checked); otherwise the problem, naming the resolved file ("command not found", or as above).
std::optional<std::string> command_problem(const Policy& policy);

}  // namespace proctor::sandbox
