// The loader stops at the first unpaired file; authors fixing a package want all of them at once, and
// `exercise answers` needs the inputs whose answers it is about to create.
#include "authoring/test_files.hpp"

#include <algorithm>
#include <system_error>

namespace proctor::authoring {
namespace fs = std::filesystem;

TestFiles scan_test_files(const fs::path& root) {
  TestFiles out;
  for (const char* kind : {"sample", "secret"}) {
    const fs::path dir = root / "data" / kind;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      const std::string name = path.filename().string();
      if (name.empty() || name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (path.extension() == ".in" && !fs::exists(fs::path(path).replace_extension(".ans"), ec)) {
        out.inputs_without_answer.push_back(path);
      } else if (path.extension() == ".ans" && !fs::exists(fs::path(path).replace_extension(".in"), ec)) {
        out.answers_without_input.push_back(path);
      }
    }
  }
  std::sort(out.inputs_without_answer.begin(), out.inputs_without_answer.end());
  std::sort(out.answers_without_input.begin(), out.answers_without_input.end());
  return out;
}

}  // namespace proctor::authoring
