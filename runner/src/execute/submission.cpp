#include "execute/submission.hpp"

#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::runner {

Submission read_submission(const std::filesystem::path& path) {
  Submission s;
  s.path = path;
  // The one bounded reader names the file and the problem: missing, unreadable, not a regular file,
  // larger than 1 MiB.
  s.source = proctor::fs::read_file(path, kMaxSubmissionBytes);
  if (s.source.empty()) throw UserError(path, "the submission is empty");
  if (s.source.find('\0') != std::string::npos)
    throw UserError(path, "the submission is a binary file, not C source");
  s.sha256 = sha256_hex(s.source);
  return s;
}

}  // namespace proctor::runner
