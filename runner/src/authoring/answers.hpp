#pragma once
// `proctor exercise answers`: every .ans is what the reference solution prints for its .in.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::authoring {

struct AnswersReport {
  std::string reference;             // e.g. "accepted/ref.c"
  std::vector<std::string> changed;  // test names whose .ans was rewritten
  std::vector<std::string> created;  // test names that had no .ans before
  std::size_t unchanged = 0;
  bool custom_checker = false;
};

// Writes nothing unless the reference passes every test within the package's limits; throws
// UserError naming the test otherwise.
// `reference`: the solution to use (generators.yaml's `solution`); empty: pick_reference's choice.
AnswersReport regenerate_answers(sandbox::Sandbox& sandbox, const std::filesystem::path& dir,
                                 const std::filesystem::path& reference = {});

}  // namespace proctor::authoring
