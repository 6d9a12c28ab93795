#include "fs/atomic_write.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "proctor/runner/error.hpp"

namespace proctor::fs {
namespace {

using runner::UserError;

std::string errno_text() {
  return std::strerror(errno);
}

// Closes on scope exit so that every early throw still releases the descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

void write_all(int fd, std::string_view content, const std::filesystem::path& file) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw UserError(file, "cannot write: " + errno_text());
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Unique within the process (counter) and across processes (pid), so concurrent writers of the same
// file never share a temporary file; the last rename wins, which is what "atomic" promises.
std::filesystem::path temp_name(const std::filesystem::path& file) {
  static std::atomic<unsigned> counter{0};
  std::string name = "." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                     std::to_string(counter.fetch_add(1));
  return file.parent_path() / name;
}

}  // namespace

void atomic_write(const std::filesystem::path& file, std::string_view content) {
  if (file.filename().empty()) throw UserError(file, "not a file name");
  std::filesystem::path temp = temp_name(file);
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw UserError(file, "cannot create: " + errno_text());
  try {
    write_all(fd.get(), content, file);
    if (::fsync(fd.get()) != 0) throw UserError(file, "cannot fsync: " + errno_text());
    if (::close(fd.release()) != 0) throw UserError(file, "cannot close: " + errno_text());
    if (::rename(temp.c_str(), file.c_str()) != 0)
      throw UserError(file, "cannot rename into place: " + errno_text());
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  std::filesystem::path dir = file.parent_path();
  fsync_directory(dir.empty() ? std::filesystem::path(".") : dir);
}

void fsync_directory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throw UserError(dir, "cannot open directory: " + errno_text());
  // Some file systems refuse fsync on directories (EINVAL); they have nothing more to flush then.
  if (::fsync(fd.get()) != 0 && errno != EINVAL)
    throw UserError(dir, "cannot fsync directory: " + errno_text());
}

void sync_filesystem(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw UserError(path, "cannot open: " + errno_text());
  if (::syncfs(fd.get()) != 0) throw UserError(path, "cannot sync: " + errno_text());
}

}  // namespace proctor::fs
