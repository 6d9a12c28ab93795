#include "execute/diagnostics.hpp"

#include <regex>
#include <sstream>

namespace proctor::runner {

std::vector<CompileWarning> parse_warnings(const std::string& output, const std::string& file) {
  static const std::regex pattern(R"(^([^:]+):(\d+):(\d+): warning: (.*?)(?: \[(-W[^\]]+)\])?$)");
  std::vector<CompileWarning> warnings;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.size() > 2000 || !std::regex_match(line, m, pattern) || m[1] != file) continue;
    CompileWarning w;
    w.line = std::stoi(m[2]);
    w.column = std::stoi(m[3]);
    w.message = m[4];
    if (m[5].matched) w.option = m[5];
    warnings.push_back(std::move(w));
    if (warnings.size() >= 200) break;
  }
  return warnings;
}

}  // namespace proctor::runner
