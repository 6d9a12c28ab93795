#include "package/reference.hpp"

#include <algorithm>

#include "proctor/runner/error.hpp"

namespace proctor::runner::package {
namespace fs = std::filesystem;

fs::path pick_reference(const std::map<std::string, std::vector<fs::path>>& submissions,
                        const fs::path& root) {
  auto it = submissions.find("accepted");
  if (it == submissions.end() || it->second.empty()) {
    throw UserError(root / "submissions" / "accepted", "no accepted submission to compute the answers with");
  }
  std::vector<fs::path> files = it->second;
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    if (f.filename() == "ref.c") return f;
  }
  return files.front();
}

}  // namespace proctor::runner::package
