#include "grade/submission.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::runner {

Submission read_submission(const std::filesystem::path& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw UserError(path, std::string("cannot read the submission: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    throw UserError(path, "the submission is not a regular file");
  }
  if (static_cast<std::uint64_t>(st.st_size) > kMaxSubmissionBytes) {
    close(fd);
    throw UserError(path, "the submission is larger than 1 MiB");
  }
  Submission s;
  s.path = path;
  s.source.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < s.source.size()) {
    ssize_t n = read(fd, s.source.data() + got, s.source.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fd);
  s.source.resize(got);
  if (s.source.empty()) throw UserError(path, "the submission is empty");
  if (s.source.find('\0') != std::string::npos) throw UserError(path, "the submission is a binary file, not C source");
  s.sha256 = sha256_hex(s.source);
  return s;
}

}  // namespace proctor::runner
