#include "execute/diagnostics.hpp"

#include <regex>
#include <sstream>

namespace proctor::runner {

std::vector<CompileWarning> parse_warnings(const std::string& output, const std::string& file) {
  // The file name is matched as a plain prefix, never inside the pattern: a candidate's file name may
  // hold a colon or characters special to a regex ("a:b.c", "sol(1)+.c").
  static const std::regex pattern(R"(^(\d+):(\d+): warning: (.*?)(?: \[(-W[^\]]+)\])?$)");
  const std::string prefix = file + ":";
  std::vector<CompileWarning> warnings;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > 2000 || line.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = line.substr(prefix.size());
    std::smatch m;
    if (!std::regex_match(rest, m, pattern)) continue;
    CompileWarning w;
    w.file = file;
    w.line = std::stoi(m[1]);
    w.column = std::stoi(m[2]);
    w.message = m[3];
    if (m[4].matched) w.option = m[4];
    warnings.push_back(std::move(w));
    if (warnings.size() >= 200) break;
  }
  return warnings;
}

}  // namespace proctor::runner
