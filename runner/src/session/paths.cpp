#include "session/paths.hpp"

#include <cstdlib>
#include <random>

#include "proctor/runner/error.hpp"

namespace proctor::session {

std::filesystem::path sessions_root(const std::optional<std::filesystem::path>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv("PROCTOR_SESSIONS"); env && *env) return env;
  return "sessions";
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id[0] == '-') return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string new_id() {
  static const std::string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  std::random_device rd;
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string id;
  for (int i = 0; i < 6; ++i) id += alphabet[pick(rd)];
  return id;
}

std::filesystem::path session_dir(const std::filesystem::path& root, const std::string& id) {
  if (!valid_id(id)) {
    throw runner::UserError("bad session id '" + id + "' (expected letters, digits and '-', e.g. k7f3qz)");
  }
  std::filesystem::path dir = root / id;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw runner::UserError(dir, "no such session");
  return dir;
}

}  // namespace proctor::session
