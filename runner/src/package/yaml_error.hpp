#pragma once
// A YAML document that does not parse, as the one-line error every loader gives. yaml-cpp quotes the
// offending character raw ("unknown escape character: \x85"): the message goes through one_line so that
// it stays valid UTF-8 on one line (the loader fuzzer found the raw byte in a test_group.yaml error).
#include <yaml-cpp/exceptions.h>

#include <filesystem>
#include <string>

#include "package/package_fs.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::runner::package {

inline UserError malformed_yaml(const std::filesystem::path& file, const YAML::Exception& e) {
  return UserError(file, "malformed YAML at line " + std::to_string(e.mark.line + 1) + ", column " +
                             std::to_string(e.mark.column + 1) + ": " + one_line(e.msg));
}

}  // namespace proctor::runner::package
