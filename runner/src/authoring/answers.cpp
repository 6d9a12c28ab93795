// The reference runs with twice the package's limits so that a slow or hungry reference is reported
// with its real numbers ("1300 ms, over the 1000 ms limit") instead of a bare TLE; it must still fit
// the real limits, or candidates could never match it.
#include "authoring/answers.hpp"

#include <algorithm>
#include <system_error>

#include "authoring/test_files.hpp"
#include "execute/compile.hpp"
#include "execute/harness_cache.hpp"
#include "execute/submission.hpp"
#include "execute/test_run.hpp"
#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "package/reference.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "text/utf8.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;
using runner::UserError;

namespace {

std::string describe(const sandbox::RunReport& r) {
  std::string what = sandbox::to_string(r.status);
  if (r.signal) what += " (signal " + std::to_string(*r.signal) + ")";
  if (r.exit_code && *r.exit_code != 0) what += " (exit code " + std::to_string(*r.exit_code) + ")";
  if (r.violation) what += " (system call " + *r.violation + ")";
  if (!r.error.empty()) what += ": " + r.error;
  return what;
}

// Runs the reference on one test; returns its output or throws naming the test.
std::string run_reference(sandbox::Sandbox& sandbox, const runner::Exercise& e, const fs::path& program,
                          const runner::TestCase& test, const fs::path& out_file, const std::string& who) {
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::program;
  policy.argv = {program.string()};
  policy.limits.cpu_ms = 2 * e.limits.time_ms;
  policy.limits.wall_ms = 2 * runner::wall_limit_ms(e.limits);
  policy.limits.memory_kb = 2 * e.limits.memory_mb * 1024;
  policy.limits.output_bytes = 2 * e.limits.output_kb * 1024;
  policy.stdin_path = test.input;
  policy.stdout_path = out_file;
  const sandbox::RunReport r = sandbox.run(policy);
  const std::string prefix = test.name + ": the reference " + who + " ";
  if (r.status == sandbox::Status::je) throw runner::InternalError(prefix + "could not run: " + r.error);
  if (r.status != sandbox::Status::ok) throw UserError(prefix + "failed: " + describe(r));
  if (r.cpu_ms() > e.limits.time_ms) {
    throw UserError(prefix + "takes " + std::to_string(r.cpu_ms()) + " ms, over the " +
                    std::to_string(e.limits.time_ms) + " ms limit");
  }
  if (r.memory_kb > e.limits.memory_mb * 1024) {
    throw UserError(prefix + "uses " + std::to_string(r.memory_kb / 1024) + " MiB, over the " +
                    std::to_string(e.limits.memory_mb) + " MiB limit");
  }
  if (r.stdout_bytes > e.limits.output_kb * 1024) {
    throw UserError(prefix + "prints " + std::to_string(r.stdout_bytes / 1024) + " KiB, over the " +
                    std::to_string(e.limits.output_kb) + " KiB output limit");
  }
  return proctor::fs::read_file(out_file, 2 * e.limits.output_kb * 1024 + 1);
}

AnswersReport regenerate(sandbox::Sandbox& sandbox, const fs::path& root,
                         const std::vector<fs::path>& placeholders, const fs::path& chosen) {
  const runner::Exercise e = runner::load_exercise(root);
  AnswersReport report;
  report.custom_checker = e.checker.type == "custom";
  std::error_code exists_ec;
  if (!chosen.empty() && !fs::is_regular_file(chosen, exists_ec))
    throw UserError(chosen, "missing: the solution named to compute the answers");
  const fs::path reference =
      chosen.empty() ? runner::package::pick_reference(e.submissions, e.root) : fs::canonical(chosen);
  report.reference = reference.parent_path().filename().string() + "/" + reference.filename().string();

  sandbox::TempDir build("proctor-answers");
  const std::optional<runner::HarnessCache> cache = runner::HarnessCache::open_default();
  runner::CompileOutcome compiled = runner::compile_submission(sandbox, e, runner::read_submission(reference),
                                                               build.path(), cache ? &*cache : nullptr);
  const runner::CompileStatus status = compiled.result.status;
  if (status == runner::CompileStatus::JE)
    throw runner::InternalError("compiling the reference: " + compiled.error);
  if (status != runner::CompileStatus::OK) {
    const std::string& output = compiled.result.output;
    throw UserError(reference,
                    "the reference does not compile:\n" + output.substr(0, text::utf8_cut(output, 2000)));
  }

  std::vector<runner::TestCase> tests = e.samples;
  tests.insert(tests.end(), e.secrets.begin(), e.secrets.end());
  std::vector<std::string> outputs;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    outputs.push_back(run_reference(sandbox, e, compiled.binary, tests[i],
                                    build.path() / ("out-" + std::to_string(i)), report.reference));
  }
  // Only now, with every run good, does anything on disk change.
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const fs::path& answer = tests[i].answer;
    bool created = false;
    for (const fs::path& p : placeholders) created = created || fs::equivalent(p, answer);
    if (!created && proctor::fs::read_file(answer, runner::kMaxPackageFileBytes) == outputs[i]) {
      ++report.unchanged;
      continue;
    }
    proctor::fs::atomic_write(answer, outputs[i]);
    (created ? report.created : report.changed).push_back(tests[i].name);
  }
  return report;
}

}  // namespace

AnswersReport regenerate_answers(sandbox::Sandbox& sandbox, const fs::path& dir, const fs::path& reference) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw UserError(dir, "is not an exercise directory");
  const fs::path root = fs::canonical(dir);
  // The loader insists on pairs, and a new .in is exactly what this command is for: give it an empty
  // .ans to find, and take it away again if the run fails.
  std::vector<fs::path> placeholders;
  for (const fs::path& input : scan_test_files(root).inputs_without_answer) {
    fs::path answer = fs::path(input).replace_extension(".ans");
    proctor::fs::atomic_write(answer, "");
    placeholders.push_back(answer);
  }
  try {
    return regenerate(sandbox, root, placeholders, reference);
  } catch (...) {
    for (const fs::path& p : placeholders) fs::remove(p, ec);
    throw;
  }
}

}  // namespace proctor::authoring
