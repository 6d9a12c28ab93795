#pragma once
// `proctor exercise list`: what is in an exercises directory, at a glance and without running anything.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace proctor::authoring {

struct ListEntry {
  std::filesystem::path dir;
  std::string id, title, kind;
  std::size_t samples = 0, secrets = 0;
  std::uint64_t time_ms = 0, memory_mb = 0;
  std::string error;  // empty: the package loads
};

// Every subdirectory of `dir` holding exercise.json or problem.yaml (or `dir` itself when it is a
// package), sorted by name. Throws UserError when `dir` is not a readable directory.
std::vector<ListEntry> list_exercises(const std::filesystem::path& dir);

void print_exercise_list(std::ostream& out, const std::vector<ListEntry>& entries);

}  // namespace proctor::authoring
