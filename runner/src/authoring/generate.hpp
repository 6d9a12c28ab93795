#pragma once
// `proctor exercise generate`: test inputs from the package's generators (generators/generators.yaml,
// a subset of BAPCtools' format), answers from the accepted reference, and a checksum list that lets
// `exercise validate` tell when the data no longer match what the generators make.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::authoring {

inline constexpr const char* kChecksumList = "generators/checksums.sha256";

struct GenerateOptions {
  bool if_stale = false;  // do nothing when the checksum list matches the manifest and the data
};

struct GenerateReport {
  std::size_t cases = 0;             // generated inputs
  std::vector<std::string> changed;  // inputs that differ from what was there ("data/secret/12.in")
  bool up_to_date = false;           // if_stale and nothing to do
  std::string reference;             // "accepted/ref.c"
};

// Throws UserError naming the manifest, the case or the generator when something is wrong; writes
// nothing of a case that fails.
GenerateReport generate_data(sandbox::Sandbox& sandbox, const std::filesystem::path& dir,
                             const GenerateOptions& options);

// For `exercise validate`: problems when the package has a checksum list and the data or the
// generators no longer match it (empty: no list, or everything matches).
std::vector<std::string> stale_data(const std::filesystem::path& root);

}  // namespace proctor::authoring
