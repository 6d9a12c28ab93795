#include "execute/submission.hpp"

#include <set>

#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;

Submission read_submission(const fs::path& path, std::string name) {
  Submission s;
  s.path = path;
  s.name = name.empty() ? name_as_given(path) : std::move(name);
  // The one bounded reader names the file and the problem: missing, unreadable, not a regular file,
  // larger than 1 MiB.
  s.source = proctor::fs::read_file(path, kMaxSubmissionBytes);
  if (s.source.empty()) throw UserError(path, "the submission is empty");
  if (s.source.find('\0') != std::string::npos)
    throw UserError(path, "the submission is a binary file, not C source");
  s.sha256 = sha256_hex(s.source);
  return s;
}

std::string name_as_given(const fs::path& path) {
  const fs::path normal = path.lexically_normal();
  if (normal.is_relative() && !normal.empty() && *normal.begin() != ".." && normal.has_filename())
    return normal.string();
  return path.filename().string();
}

bool usable_source_name(std::string_view name) {
  if (name.size() < 3 || name.size() > 200 || name.substr(name.size() - 2) != ".c") return false;
  if (name.front() == '-' || name.front() == '@') return false;
  if (text::valid_utf8(name) != name) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7f) return false;
    // U+0080..U+009F, the C1 controls (0x9b starts a terminal escape sequence like ESC [).
    if (c == 0xc2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) <= 0x9f) return false;
  }
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string compile_name(const Exercise& exercise, const Submission& submission) {
  const std::string& name = submission.name;
  if (!usable_source_name(name)) return std::string(kNeutralSourceName);
  std::set<std::string> taken = {"program", "submission.o", "analyzed.o"};
  if (exercise.kind == ExerciseKind::function && !exercise.include_dir.empty()) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(exercise.include_dir, ec))
      taken.insert(entry.path().filename().string());
  }
  for (const fs::path& part : fs::path(name)) {
    if (taken.count(part.string())) return std::string(kNeutralSourceName);
  }
  return name;
}

}  // namespace proctor::runner
