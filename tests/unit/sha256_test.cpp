// SHA-256 (OpenSSL EVP behind package::Sha256) against FIPS 180-4 / NIST CAVP example vectors, the
// padding boundaries (55/56/63/64 bytes and beyond) and chunked updates: they pin what Proctor hashes
// and how, whichever library computes it.
#include "package/sha256.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace {

using proctor::runner::file_sha256;
using proctor::runner::sha256_hex;

TEST(Sha256, NistShortVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(
      sha256_hex(
          "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmn"
          "opqrstnopqrstu"),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, NistMillionA) {
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingBoundaries) {
  const std::pair<std::size_t, const char*> cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  for (const auto& [length, digest] : cases)
    EXPECT_EQ(sha256_hex(std::string(length, 'a')), digest) << length;
}

TEST(Sha256, ChunkedUpdatesMatchOneShot) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += static_cast<char>(i * 37 % 256);
  std::string expected = sha256_hex(text);
  for (std::size_t chunk : {1, 3, 63, 64, 65, 200}) {
    proctor::runner::package::Sha256 hash;
    for (std::size_t i = 0; i < text.size(); i += chunk) hash.update(std::string_view(text).substr(i, chunk));
    EXPECT_EQ(hash.hex_digest(), expected) << chunk;
  }
}

TEST(Sha256, FileHashMatchesBytesHash) {
  std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("proctor-sha-" + std::to_string(getpid()));
  std::string text(200000, 'x');
  text[12345] = '\0';
  std::ofstream(file, std::ios::binary) << text;
  EXPECT_EQ(file_sha256(file), sha256_hex(text));
  std::filesystem::remove(file);
  EXPECT_THROW(file_sha256(file), proctor::runner::UserError);
}

}  // namespace
