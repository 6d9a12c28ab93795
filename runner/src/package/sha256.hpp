#pragma once
// Incremental SHA-256 through OpenSSL's libcrypto (EVP), which uses the CPU's SHA instructions where
// there are some. Identifies a package and a submission in results and sessions, not for secrecy.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // EVP_MD_CTX, kept out of this header so its users need no OpenSSL headers

namespace proctor::runner::package {

class Sha256 {
 public:
  // Throws InternalError when libcrypto cannot set up a digest (never the user's fault).
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, std::size_t size);
  void update(std::string_view data) { update(data.data(), data.size()); }
  // Finishes the hash: lowercase hex, 64 characters. The object must not be updated afterwards.
  std::string hex_digest();

 private:
  struct FreeContext {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, FreeContext> context_;
};

}  // namespace proctor::runner::package
