#pragma once
// FIPS 180-4 SHA-256, hand-written because Proctor links no crypto library. Used to identify a package
// and a submission in results and sessions, not for secrecy.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace proctor::runner::package {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(std::string_view data) { update(data.data(), data.size()); }
  // Finishes the hash; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> digest();
  std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string to_hex(const std::uint8_t* data, std::size_t size);

}  // namespace proctor::runner::package
