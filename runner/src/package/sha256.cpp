// SHA-256 through OpenSSL's EVP interface; the known-answer tests are in tests/unit/sha256_test.cpp.
#include "package/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::runner::package {

void Sha256::FreeContext::operator()(evp_md_ctx_st* context) const {
  EVP_MD_CTX_free(context);
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
    throw InternalError("libcrypto: cannot set up a SHA-256 digest");
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size) {
  if (size != 0 && EVP_DigestUpdate(context_.get(), data, size) != 1)
    throw InternalError("libcrypto: SHA-256 update failed");
}

std::string Sha256::hex_digest() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1 || length != 32)
    throw InternalError("libcrypto: SHA-256 final failed");
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kDigits[digest[i] >> 4];
    hex += kDigits[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace proctor::runner::package

namespace proctor::runner {

std::string sha256_hex(std::string_view data) {
  package::Sha256 hash;
  hash.update(data);
  return hash.hex_digest();
}

std::string file_sha256(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UserError(file, std::string("cannot open: ") + std::strerror(errno));
  package::Sha256 hash;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    hash.update(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw UserError(file, "read error");
  return hash.hex_digest();
}

}  // namespace proctor::runner
