#pragma once
// Which accepted submission is a package's reference: the one that computes the answers (exercise
// answers, exercise generate) and whose cost the complexity signal compares a candidate's with.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace proctor::runner::package {

// submissions/accepted/ref.c when present, else the first accepted file in sorted order. Throws
// UserError naming submissions/accepted when there is none.
std::filesystem::path pick_reference(
    const std::map<std::string, std::vector<std::filesystem::path>>& submissions,
    const std::filesystem::path& root);

}  // namespace proctor::runner::package
