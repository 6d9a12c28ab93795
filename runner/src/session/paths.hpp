#pragma once
// Where sessions live and how an id maps to a directory. Ids come from the command line, so they are
// validated before they ever touch a path: no slashes, no "..", nothing that looks like an option.
#include <filesystem>
#include <optional>
#include <string>

namespace proctor::session {

// --sessions DIR, else $PROCTOR_SESSIONS, else ./sessions.
std::filesystem::path sessions_root(const std::optional<std::filesystem::path>& flag);

// 1-64 characters from [a-z0-9-], starting with a letter or digit.
bool valid_id(const std::string& id);

// A new random id of 6 characters from an alphabet without look-alikes (no 0/o, 1/l/i).
std::string new_id();

// Throws runner::UserError for a malformed id or a session that does not exist.
std::filesystem::path session_dir(const std::filesystem::path& root, const std::string& id);

// The name a session's candidate knows their file by: the workspace's file in a terminal, and what the
// interview room's editor is called. Every grade of a session (samples, the final one, the room's runs)
// compiles the submission under it, so compiler messages and findings say "solution.c:12:5", never a
// snapshot's or scratch file's name.
inline constexpr const char* kSolutionName = "solution.c";

// Files inside a session directory (docs/sessions.md "Layout").
struct SessionFiles {
  std::filesystem::path dir;
  std::filesystem::path session_json() const { return dir / "session.json"; }
  std::filesystem::path lock() const { return dir / "lock"; }
  std::filesystem::path package() const { return dir / "package"; }
  std::filesystem::path workspace() const { return dir / "workspace"; }
  std::filesystem::path solution() const { return dir / "workspace" / kSolutionName; }
  std::filesystem::path submissions() const { return dir / "submissions"; }
  std::filesystem::path result_json() const { return dir / "result.json"; }
  std::filesystem::path report_html() const { return dir / "report.html"; }
};

}  // namespace proctor::session
