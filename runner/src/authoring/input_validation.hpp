#pragma once
// Kattis input validators (input_validators/): every test input must satisfy the statement's
// constraints, or the answers and verdicts built on it mean nothing.
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"

namespace proctor::sandbox {
class Sandbox;
}

namespace proctor::authoring {

// Compiles every C/C++ input validator and runs it in the sandbox on every test input (samples and,
// when loaded, secrets) as `validator [args] < input`: exit 42 accepts, 43 rejects, anything else is
// the validator's own failure. Returns one problem per rejected input or broken validator.
std::vector<std::string> check_inputs(sandbox::Sandbox& sandbox, const runner::Exercise& exercise);

}  // namespace proctor::authoring
