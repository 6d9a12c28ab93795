#pragma once
// `proctor exercise generate`: test inputs from the package's generators (generators/generators.yaml,
// a subset of BAPCtools' format), answers from the accepted reference, and a checksum list that lets
// `exercise validate` tell when the data no longer match what the generators make.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::authoring {

inline constexpr const char* kGeneratorsManifest = "generators/generators.yaml";
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

// A scaling family (complexity evidence): inputs of growing size made by one generator command.
struct ScalingFamily {
  std::string command;                        // as written, with {n}
  std::vector<std::uint64_t> sizes;           // strictly growing
  std::vector<std::filesystem::path> inputs;  // data/scaling/<n>.in under the package, one per size
  unsigned repeat = 3;                        // runs per size; the median is kept
  std::filesystem::path reference;            // the manifest's `solution`; empty: pick_reference's choice
};

inline constexpr std::size_t kMinScalingSizes = 3, kMaxScalingSizes = 12;

// "data/scaling/<n>.in", relative to the package.
std::string scaling_input(std::uint64_t n);

// The package's scaling family: nullopt when it has no manifest or the manifest declares none. Throws
// UserError naming the manifest when it is malformed. The inputs may not exist yet (not generated).
std::optional<ScalingFamily> read_scaling_family(const std::filesystem::path& root);

// For `exercise validate`: problems when the package has a checksum list and the data or the
// generators no longer match it (empty: no list, or everything matches).
std::vector<std::string> stale_data(const std::filesystem::path& root);

}  // namespace proctor::authoring
