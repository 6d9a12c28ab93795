// A package is listed as valid when it loads: the quick format check. `exercise validate` is the
// slow one that runs the submissions.
#include "authoring/list.hpp"

#include <algorithm>
#include <iomanip>
#include <system_error>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "text/columns.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;

namespace {

bool is_package(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "exercise.json", ec) || fs::exists(dir / "problem.yaml", ec);
}

ListEntry describe(const fs::path& dir) {
  ListEntry entry;
  entry.dir = dir;
  entry.id = dir.filename().string();
  try {
    const runner::Exercise e = runner::load_exercise(dir);
    entry.id = e.id;
    entry.title = e.title;
    entry.kind = e.kind == runner::ExerciseKind::function ? "function" : "program";
    entry.samples = e.samples.size();
    entry.secrets = e.secrets.size();
    entry.time_ms = e.limits.time_ms;
    entry.memory_mb = e.limits.memory_mb;
  } catch (const runner::UserError& err) {
    entry.error = err.what();
  }
  return entry;
}

using text::pad;

}  // namespace

std::vector<ListEntry> list_exercises(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw runner::UserError(dir, "is not a directory");
  if (is_package(dir)) return {describe(dir)};
  std::vector<fs::path> dirs;
  fs::directory_iterator it(dir, ec);
  if (ec) throw runner::UserError(dir, "cannot list: " + ec.message());
  for (const auto& child : it) {
    const std::string name = child.path().filename().string();
    if (!name.empty() && name[0] != '.' && child.is_directory(ec) && is_package(child.path())) {
      dirs.push_back(child.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  std::vector<ListEntry> entries;
  for (const fs::path& d : dirs) entries.push_back(describe(d));
  return entries;
}

void print_exercise_list(std::ostream& out, const std::vector<ListEntry>& entries) {
  if (entries.empty()) {
    out << "no exercise packages found\n";
    return;
  }
  std::size_t id_w = 2, title_w = 5;
  for (const ListEntry& e : entries) {
    id_w = std::max(id_w, e.id.size());
    title_w = std::max(title_w, std::min<std::size_t>(e.title.size(), 40));
  }
  out << pad("id", id_w + 1) << pad("title", title_w + 1) << pad("kind", 9) << pad("tests", 10)
      << pad("limits", 17) << "valid\n";
  for (const ListEntry& e : entries) {
    std::string title = e.title.size() > 40 ? e.title.substr(0, 37) + "..." : e.title;
    std::string tests = e.error.empty() ? std::to_string(e.samples) + "+" + std::to_string(e.secrets) : "-";
    std::string limits =
        e.error.empty() ? std::to_string(e.time_ms) + " ms " + std::to_string(e.memory_mb) + " MiB" : "-";
    out << pad(e.id, id_w + 1) << pad(title, title_w + 1) << pad(e.kind.empty() ? "-" : e.kind, 9)
        << pad(tests, 10) << pad(limits, 17) << (e.error.empty() ? "yes" : "NO: " + e.error) << "\n";
  }
  out << "(tests: sample+secret; valid: the package loads; run `proctor exercise validate` for the full "
         "check)\n";
}

}  // namespace proctor::authoring
