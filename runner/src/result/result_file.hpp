#pragma once
// Result documents on disk: read back through the one reader, written atomically through the one writer.
#include <filesystem>

#include "proctor/runner/result.hpp"

namespace proctor::runner {

// Throws UserError naming the file when it is unreadable, not JSON or not a Proctor result.
GradeResult read_result_file(const std::filesystem::path& file);

// Atomic (temp + rename + fsync), pretty-printed.
void write_result_file(const std::filesystem::path& file, const GradeResult& result);

}  // namespace proctor::runner
