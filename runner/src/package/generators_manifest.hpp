#pragma once
// The manifest, generators/generators.yaml (a subset of BAPCtools'):
//
//   solution: /submissions/accepted/ref.c      # optional; the answers' reference (default: as `answers`)
//   data:
//     secret:
//       data:
//         - "09": gen.c 9 40 4               # <case name>: <program under generators/> <arguments>
//         - big:
//             generate: gen.c {seed} 100000  # the same, long form
//         small:                             # a nested map is a test group, data/secret/small/
//           data: {"01": gen.c {seed:2} 10}
//
//   scaling:                               # optional: a scaling family (complexity evidence)
//     generate: gen.c {seed} {n} 5          # {n} becomes each size
//     sizes: [1000, 2000, 4000, 8000, 16000]
//     repeat: 3                             # optional: runs per size at least, the least is kept
//
// A scaling family's inputs go to data/scaling/<n>.in, without answers: only their cost is measured.
//
// `{seed}` and `{seed:N}` become a number derived from the command's text (SHA-256), `{name}` the case
// name, so a case's input depends on nothing but the manifest and the generator's source. Generators
// are C or C++ files, compiled and run in the sandbox's checker profile; their stdout is the input.
// Cases whose value is empty are hand-written ones and are left alone.
//
// The manifest is part of the package: `exercise generate` runs it, `exercise validate` checks the data
// still match it, and the complexity signal reads its scaling family.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace proctor::runner::package {

inline constexpr const char* kGeneratorsManifest = "generators/generators.yaml";

// A scaling family (complexity evidence): inputs of growing size made by one generator command.
struct ScalingFamily {
  std::string command;                        // as written, with {n}
  std::vector<std::uint64_t> sizes;           // strictly growing
  std::vector<std::filesystem::path> inputs;  // data/scaling/<n>.in under the package, one per size
  unsigned repeat = 3;                        // runs per size at least; the least is kept
  std::filesystem::path reference;            // the manifest's `solution`; empty: pick_reference's choice
};

inline constexpr std::size_t kMinScalingSizes = 3, kMaxScalingSizes = 12;

struct GeneratorCase {
  std::string input;    // "data/secret/09.in", relative to the package
  std::string command;  // as written ({n} already replaced in a scaling case)
  bool answer = true;   // a scaling input has no answer
};

struct GeneratorsManifest {
  std::filesystem::path file;
  std::string solution;  // relative to the package, empty: the default reference
  std::vector<GeneratorCase> cases;
  std::optional<ScalingFamily> scaling;
  std::set<std::string> programs;  // relative to the package ("generators/gen.c")
};

// Throws UserError naming the manifest (or a missing generator) when something is wrong.
GeneratorsManifest read_generators_manifest(const std::filesystem::path& root);

// The package's scaling family: nullopt when it has no manifest or the manifest declares none. Throws
// UserError naming the manifest when it is malformed. The inputs may not exist yet (not generated).
std::optional<ScalingFamily> read_scaling_family(const std::filesystem::path& root);

// "data/scaling/<n>.in", relative to the package.
std::string scaling_input(std::uint64_t n);

// A command's words, split on white space (no quoting, as in BAPCtools).
std::vector<std::string> command_words(const std::string& command);

// generators/<program>, or /<path> from the package root, as BAPCtools writes it.
std::string program_path(const std::string& program);

}  // namespace proctor::runner::package
