#pragma once
// Program offsets -> function, file and line, by addr2line in the compile sandbox. The run itself
// symbolizes nothing (docs/signals.md, "Symbolization").
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::runner {

struct Symbol {
  std::string function;  // "" when unknown
  std::string file;      // as recorded in the debug information; "" when unknown
  int line = 0;
};

// Offsets the program has no line for are absent from the map. Throws nothing: a failed addr2line
// leaves every offset unknown.
std::map<std::uint64_t, Symbol> symbolize(sandbox::Sandbox& sandbox, const std::filesystem::path& program,
                                          const std::vector<std::uint64_t>& offsets,
                                          const std::filesystem::path& work_dir);

// addr2line -f -a output -> symbols (pure; exposed for tests).
std::map<std::uint64_t, Symbol> parse_addr2line(const std::string& output);

}  // namespace proctor::runner
