#include "server/tokens.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::server {
namespace {

bool is_token(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string new_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw runner::InternalError("RAND_bytes failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

bool tokens_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string bearer_token(const std::string& header) {
  static const std::string prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return {};
  std::string token = header.substr(prefix.size());
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
  return token;
}

std::string load_or_create_interviewer_token(const std::filesystem::path& root) {
  std::filesystem::path file = root / "interviewer.token";
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  if (ec) throw runner::UserError(root, "cannot create sessions directory: " + ec.message());
  struct stat st {};
  if (::lstat(file.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) throw runner::UserError(file, "not a regular file");
    if ((st.st_mode & 077) != 0) {
      throw runner::UserError(file, "readable by other users (chmod 600 it, or delete it for a new token)");
    }
    std::string text = fs::read_file(file, 4096);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (!is_token(text)) throw runner::UserError(file, "does not hold a token (delete it for a new one)");
    return text;
  }
  std::string token = new_token();
  // umask 077 around the write: atomic_write creates its temp file with the default mode, and the token
  // must never exist readable by others, not even for a moment.
  mode_t old = ::umask(077);
  try {
    fs::atomic_write(file, token + "\n");
  } catch (...) {
    ::umask(old);
    throw;
  }
  ::umask(old);
  ::chmod(file.c_str(), 0600);
  return token;
}

}  // namespace proctor::server
