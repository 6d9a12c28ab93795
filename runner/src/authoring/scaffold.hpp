#pragma once
// `proctor exercise new`: a complete package for a toy task that passes `exercise validate` as it
// stands, so an author starts from something that works and changes one piece at a time.
#include <filesystem>
#include <map>
#include <string>

#include "proctor/runner/exercise.hpp"

namespace proctor::authoring {

// Only [a-z0-9-], 1 to 64 characters: ids become directory, file and C header names.
bool valid_new_id(const std::string& id);

// Relative path -> content of every file of the scaffold (scaffold_templates.cpp).
std::map<std::string, std::string> scaffold_files(const std::string& id, runner::ExerciseKind kind);

// Creates `parent`/`id` with the scaffold; throws UserError for a bad id or an existing directory.
// Returns the new directory.
std::filesystem::path create_exercise(const std::filesystem::path& parent, const std::string& id,
                                      runner::ExerciseKind kind);

}  // namespace proctor::authoring
