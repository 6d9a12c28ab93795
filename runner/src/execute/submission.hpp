#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "proctor/runner/exercise.hpp"

namespace proctor::runner {

struct Submission {
  std::filesystem::path path;
  // The name the candidate knows the file by: the path typed on the command line, the name the
  // interview room shows. Compiler messages, analyzer and sanitizer findings, assert() and __FILE__
  // name the submission by it (through compile_name, which falls back when it is unsafe).
  std::string name;
  std::string source;
  std::string sha256;
};

inline constexpr std::uint64_t kMaxSubmissionBytes = 1 << 20;

// The name the compiler sees when the candidate's own cannot be used.
inline constexpr std::string_view kNeutralSourceName = "submission.c";

// Throws UserError naming the file: missing, not a regular file, unreadable, empty, larger than 1 MiB,
// or binary (a NUL byte) instead of C source. `name` empty: name_as_given(path).
Submission read_submission(const std::filesystem::path& path, std::string name = {});

// `path` as the candidate typed it when it is relative and stays below the directory they are in
// ("./src/my sol.c" -> "src/my sol.c"), else its file name ("/home/ada/my.c", "../my.c" -> "my.c").
std::string name_as_given(const std::filesystem::path& path);

// Whether `name` can be the relative path the compiler sees the private copy under: valid UTF-8 with no
// control character (it is printed in diagnostics, one per line, and in terminals), ends in ".c",
// components neither empty nor "." nor "..", not an option or a response file for gcc ('-', '@'),
// at most 200 bytes.
bool usable_source_name(std::string_view name);

// The relative path the submission's private copy is compiled under, in every build of it (grading,
// sanitizer, analyzer): the submission's name when usable_source_name and no component of it is a
// file name of the exercise's include directory (those files sit beside it and are told apart from it
// by name) or one the build writes ("program", "submission.o", "analyzed.o"); else kNeutralSourceName.
std::string compile_name(const Exercise& exercise, const Submission& submission);

}  // namespace proctor::runner
