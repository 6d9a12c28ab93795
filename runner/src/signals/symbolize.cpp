// addr2line reads the untrusted binary's DWARF: it does so inside the compile sandbox, never in the
// runner's own process.
#include "signals/symbolize.hpp"

#include <cstdio>
#include <regex>
#include <sstream>

#include "execute/compile.hpp"
#include "fs/read_file.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;

std::map<std::uint64_t, Symbol> parse_addr2line(const std::string& output) {
  static const std::regex kAddress(R"(^0x([0-9a-f]+)$)");
  static const std::regex kWhere(R"(^(.*):([0-9]+|\?)( \(discriminator [0-9]+\))?$)");
  std::map<std::uint64_t, Symbol> symbols;
  std::istringstream in(output);
  std::string address, function, where;
  while (std::getline(in, address)) {
    std::smatch m;
    if (!std::regex_match(address, m, kAddress)) continue;
    const std::uint64_t offset = std::stoull(m[1], nullptr, 16);
    if (!std::getline(in, function) || !std::getline(in, where)) break;
    if (!std::regex_match(where, m, kWhere) || m[1] == "??" || m[2] == "?" || m[2] == "0") continue;
    symbols[offset] = {function == "??" ? "" : function, m[1], std::stoi(m[2])};
  }
  return symbols;
}

std::map<std::uint64_t, Symbol> symbolize(sandbox::Sandbox& sandbox, const fs::path& program,
                                          const std::vector<std::uint64_t>& offsets,
                                          const fs::path& work_dir) {
  if (offsets.empty()) return {};
  const fs::path dir = make_dir(work_dir / "symbolize");
  std::error_code ec;
  fs::copy_file(program, dir / "program", fs::copy_options::overwrite_existing, ec);
  if (ec) return {};
  std::vector<std::string> argv = {"addr2line", "-e", "program", "-f", "-a"};
  for (std::uint64_t offset : offsets) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(offset));
    argv.emplace_back(hex);
  }
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::compile;
  policy.argv = std::move(argv);
  policy.limits.cpu_ms = 10'000;
  policy.limits.wall_ms = 20'000;
  policy.limits.memory_kb = 512 * 1024;
  policy.limits.output_bytes = 4 << 20;
  policy.work_dir = dir;
  policy.stdout_path = dir / "symbols.txt";
  policy.stderr_path = dir / "symbols.err";
  const sandbox::RunReport report = sandbox.run(policy);
  if (report.status != sandbox::Status::ok) return {};
  return parse_addr2line(proctor::fs::read_prefix(policy.stdout_path, 4 << 20).bytes);
}

}  // namespace proctor::runner
