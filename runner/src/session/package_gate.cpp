#include "session/package_gate.hpp"

#include "authoring/validate.hpp"
#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::session {
namespace {

namespace stdfs = std::filesystem;

std::string gate_first_problem(const authoring::PackageCheck& check, std::size_t* count) {
  std::vector<std::string> all = check.problems;
  for (const authoring::SubmissionCheck& s : check.submissions) {
    if (!s.problem.empty()) all.push_back("submissions/" + s.file + ": " + s.problem);
  }
  *count = all.size();
  return all.empty() ? "it does not load" : all.front();
}

}  // namespace

GateOutcome require_valid_package(const stdfs::path& root, const stdfs::path& package,
                                  const std::function<void(const std::string&)>& progress) {
  // The sha256 of the package as it loads now (a package that does not load is refused by validate).
  std::string sha;
  try {
    sha = runner::package_sha256(runner::load_exercise(package));
  } catch (const runner::UserError&) {
    sha.clear();
  }
  const stdfs::path mark = root / ".validated" / sha;
  std::error_code ec;
  if (!sha.empty() && stdfs::exists(mark, ec)) return {true};

  sandbox::Sandbox sandbox;
  authoring::ValidateOptions options;
  options.on_progress = progress;
  authoring::PackageCheck check = authoring::validate_package(sandbox, package, options);
  if (!check.ok()) {
    std::size_t count = 0;
    std::string first = gate_first_problem(check, &count);
    throw runner::UserError(package, "fails `proctor exercise validate` (" + first +
                                         (count > 1 ? "; " + std::to_string(count - 1) + " more" : "") +
                                         "); fix the package before starting a session with it");
  }
  if (!sha.empty()) {
    stdfs::create_directories(mark.parent_path(), ec);
    if (!ec) fs::atomic_write(mark, "");
  }
  return {false};
}

}  // namespace proctor::session
