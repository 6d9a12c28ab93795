#pragma once
// `proctor exercise export`: the practice pack a candidate may take home before the interview.
#include <filesystem>
#include <string>
#include <vector>

namespace proctor::authoring {

struct ExportReport {
  std::vector<std::string> files;     // relative paths written, sorted
  std::vector<std::string> warnings;  // e.g. a custom checker replaced by token comparison
  std::string edit;                   // the file the candidate edits: starter.c (solution.c without one)
};

// Copies statement, starter, samples, include/ and the metadata (generated for a Kattis package) and
// writes a README.md (the file to edit, how to install Proctor and practise) to
// `out`, which must not exist or be empty. Never reads data/secret; never copies submissions/ or
// output_validators/. The result is loaded back as a check before returning.
ExportReport export_practice_pack(const std::filesystem::path& dir, const std::filesystem::path& out);

}  // namespace proctor::authoring
