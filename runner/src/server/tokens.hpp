#pragma once
// Bearer tokens: the interviewer's (one per sessions directory, kept in SESSIONS/interviewer.token) and
// one per candidate session. Tokens are compared in constant time and never logged or stored in clear
// for candidates (only their SHA-256 is on disk).
#include <filesystem>
#include <string>
#include <string_view>

namespace proctor::server {

// 256 random bits from the OS CSPRNG, as 64 lowercase hex characters.
std::string new_token();

// Constant-time comparison (CRYPTO_memcmp over equal lengths; lengths are not secret).
bool tokens_equal(std::string_view a, std::string_view b);

// "Bearer <token>" -> token; empty when the header is missing or malformed.
std::string bearer_token(const std::string& authorization_header);

// Reads SESSIONS/interviewer.token, or creates it (mode 0600, atomically) on first start. Refuses a file
// that others may read or that holds no valid token (runner::UserError naming it).
std::string load_or_create_interviewer_token(const std::filesystem::path& sessions_root);

}  // namespace proctor::server
