// A custom run reuses grading's pieces: the same compile (harness cache included), the same program
// run with the exercise's limits, the same words for a run that was not OK.
#include "proctor/runner/custom_run.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "execute/compile.hpp"
#include "execute/excerpt.hpp"
#include "execute/submission.hpp"
#include "execute/test_run.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"

namespace proctor::runner {
namespace {

// The input as a private file (0600) the runner opens and hands over as stdin; the program never
// learns its path.
void write_private(const std::filesystem::path& file, std::string_view bytes) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw InternalError("cannot create " + file.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      throw InternalError("cannot write " + file.string() + ": " + std::strerror(err));
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

}  // namespace

CustomRunResult run_custom_input(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                 const std::filesystem::path& submission_path, std::string_view input,
                                 const CustomRunOptions& options) {
  CustomRunResult result;
  result.started_at = now_ms();
  if (input.size() > kMaxCustomInputBytes) {
    throw UserError("the input is larger than " + std::to_string(kMaxCustomInputBytes >> 20) + " MiB");
  }
  const Submission submission = read_submission(submission_path, options.submission_name);
  result.input_bytes = input.size();
  result.limits = {exercise.limits.time_ms, wall_limit_ms(exercise.limits), exercise.limits.memory_mb,
                   exercise.limits.output_kb};

  sandbox::TempDir build("proctor-run");
  CompileOutcome compiled = compile_for_runs(sandbox, exercise, submission, build.path());
  result.compile = compiled.result;
  if (compiled.result.status != CompileStatus::OK) {
    if (compiled.result.status == CompileStatus::JE) result.error = compiled.error;
    result.layers = sandbox.planned_layers();
    result.finished_at = now_ms();
    return result;
  }

  TestContext context{&sandbox, &exercise, compiled.binary, {}, build.path() / "run"};
  std::filesystem::create_directories(context.scratch);
  const std::filesystem::path input_file = context.scratch / "input";
  write_private(input_file, input);
  const ProgramRun program = run_program(context, input_file, "custom");
  const sandbox::RunReport& r = program.report;
  result.ran = true;
  result.status = r.status;
  result.message = run_message(r, exercise.limits);
  copy_measures(r, result);
  result.layers = r.layers;
  if (r.status == sandbox::Status::je) result.error = r.error;
  result.stdout_excerpt = excerpt_of_file(program.stdout_path, options.output_bytes);
  result.stderr_excerpt = excerpt_of_file(program.stderr_path, options.output_bytes);
  program.remove_outputs();
  result.finished_at = now_ms();
  return result;
}

int exit_code_of(const CustomRunResult& result) {
  if (result.error) return kExitInternal;
  return result.ran && result.status == sandbox::Status::ok ? kExitOk : kExitNotOk;
}

}  // namespace proctor::runner
