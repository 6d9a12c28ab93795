// Kind "program": one gcc run. Kind "function": the submission is compiled to an object in a sandbox
// that sees only the submission and the exercise's headers (never the harness source), the harness on
// its own, and then both are linked. The submission's own main(), kept for local testing, is renamed
// away so the harness's main is the one that runs.
#include "grade/compile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kMaxBinaryBytes = 64 << 20;

struct Step {
  sandbox::RunReport report;
  std::string diagnostics;
};

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw InternalError("cannot write " + file.string());
}

Step run_gcc(sandbox::Sandbox& sandbox, const fs::path& work_dir, const fs::path& diag_file,
             std::vector<std::string> argv) {
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::compile;
  policy.argv = std::move(argv);
  policy.limits.cpu_ms = 10'000;
  policy.limits.wall_ms = 20'000;
  policy.limits.memory_kb = 1024 * 1024;
  policy.limits.output_bytes = kMaxBinaryBytes;  // also bounds every file the compiler writes
  policy.limits.processes = 32;
  policy.limits.open_files = 128;
  policy.work_dir = work_dir;
  policy.stderr_path = diag_file;
  policy.stdout_path = diag_file.string() + ".stdout";
  Step step;
  step.report = sandbox.run(policy);
  step.diagnostics = read_bounded(diag_file, kMaxDiagnosticsBytes);
  return step;
}

// Copies the compiler's output into a file the runner owns, refusing links and special files: the
// sandbox wrote that directory and may have planted a symlink to a host file there.
void take_binary(const fs::path& produced, const fs::path& target) {
  int in = open(produced.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (in < 0) throw UserError(produced, "the compiler produced no program");
  struct stat st {};
  if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) > kMaxBinaryBytes) {
    close(in);
    throw UserError(produced, "the compiler's output is not a regular file of sane size");
  }
  int out = open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
  if (out < 0) {
    close(in);
    throw InternalError("cannot create " + target.string() + ": " + std::strerror(errno));
  }
  char buf[1 << 16];
  ssize_t n;
  bool ok = true;
  while ((n = read(in, buf, sizeof buf)) > 0) {
    if (write(out, buf, static_cast<std::size_t>(n)) != n) ok = false;
  }
  close(in);
  fchmod(out, 0755);
  close(out);
  if (n < 0 || !ok) throw InternalError("cannot copy the compiled program to " + target.string());
}

std::vector<std::string> base_flags(const Exercise& exercise) {
  std::vector<std::string> flags = {"gcc", "-std=" + exercise.compile.std};
  if (exercise.compile.flags.empty()) {
    for (const char* f : {"-O2", "-pipe", "-Wall", "-Wextra"}) flags.emplace_back(f);
  } else {
    flags.insert(flags.end(), exercise.compile.flags.begin(), exercise.compile.flags.end());
  }
  flags.emplace_back("-static");
  return flags;
}

fs::path make_dir(const fs::path& dir) {
  fs::create_directories(dir);
  return dir;
}

void copy_headers(const fs::path& from, const fs::path& to, bool with_sources) {
  for (const auto& entry : fs::directory_iterator(from)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    const auto ext = entry.path().extension();
    if (ext == ".h" || (with_sources && ext == ".c")) {
      fs::copy_file(entry.path(), to / entry.path().filename(), fs::copy_options::overwrite_existing);
    }
  }
}

// Maps a failed compiler run to CE (the submission's fault: errors, limits, attacks) or JE.
bool finish_step(CompileOutcome& out, const Step& step, const char* what) {
  using sandbox::Status;
  const auto& r = step.report;
  if (r.status == Status::ok) return true;
  if (r.status == Status::je) {
    out.status = "JE";
    out.error = std::string(what) + ": " + r.error;
    return false;
  }
  out.status = "CE";
  if (r.status == Status::tle) out.output += "\n[compilation exceeded its time limit]";
  if (r.status == Status::mle) out.output += "\n[compilation exceeded its memory limit]";
  if (r.status == Status::ole) out.output += "\n[compilation wrote more than its output limit]";
  if (r.status == Status::sv) out.output += "\n[the compiler made a forbidden system call: " + r.violation.value_or("?") + "]";
  return false;
}

}  // namespace

std::string read_bounded(const fs::path& file, std::size_t limit) {
  int fd = open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return "";
  struct stat st {};
  fstat(fd, &st);
  std::string text(std::min<std::size_t>(limit, static_cast<std::size_t>(st.st_size)), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    ssize_t n = read(fd, text.data() + got, text.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fd);
  text.resize(got);
  if (static_cast<std::size_t>(st.st_size) > limit) {
    text += "\n[" + std::to_string(static_cast<std::size_t>(st.st_size) - limit) + " more bytes truncated]";
  }
  return text;
}

CompileOutcome compile_submission(sandbox::Sandbox& sandbox, const Exercise& exercise, const Submission& submission,
                                  const fs::path& build_dir) {
  const auto started = std::chrono::steady_clock::now();
  CompileOutcome out;
  const fs::path cc = make_dir(build_dir / "cc");
  write_text(cc / "submission.c", submission.source);
  const fs::path bin = make_dir(build_dir / "bin");
  const bool function = exercise.kind == ExerciseKind::function;

  std::vector<std::string> argv = base_flags(exercise);
  if (function) {
    copy_headers(exercise.include_dir, cc, false);
    for (const char* f : {"-I.", "-Dmain=proctor_unused_main", "-c", "submission.c", "-o", "submission.o"}) {
      argv.emplace_back(f);
    }
  } else {
    for (const char* f : {"submission.c", "-o", "program", "-lm"}) argv.emplace_back(f);
  }
  out.command = argv;
  Step step = run_gcc(sandbox, cc, build_dir / "submission.diag", argv);
  out.output = step.diagnostics;
  out.warnings = parse_warnings(out.output, "submission.c");
  bool ok = finish_step(out, step, "compiling the submission");

  if (ok && function) {
    const fs::path harness = make_dir(build_dir / "harness");
    copy_headers(exercise.include_dir, harness, true);
    std::vector<std::string> hargv = base_flags(exercise);
    hargv.emplace_back("-I.");
    hargv.emplace_back("-c");
    for (const auto& entry : fs::directory_iterator(harness)) {
      if (entry.path().extension() == ".c") hargv.push_back(entry.path().filename().string());
    }
    Step hstep = run_gcc(sandbox, harness, build_dir / "harness.diag", hargv);
    if (hstep.report.status != sandbox::Status::ok) {
      out.status = "JE";
      out.error = "the exercise's harness does not compile: " + hstep.diagnostics.substr(0, 2000) + hstep.report.error;
      ok = false;
    }
    if (ok) {
      const fs::path link = make_dir(build_dir / "link");
      std::vector<std::string> largv = {"gcc", "-static", "-o", "program"};
      for (const auto& entry : fs::directory_iterator(harness)) {
        if (entry.path().extension() == ".o") {
          fs::copy_file(entry.path(), link / entry.path().filename());
          largv.push_back(entry.path().filename().string());
        }
      }
      take_binary(cc / "submission.o", link / "submission.o");
      largv.emplace_back("submission.o");
      largv.emplace_back("-lm");
      Step lstep = run_gcc(sandbox, link, build_dir / "link.diag", largv);
      if (lstep.report.status == sandbox::Status::ok) {
        take_binary(link / "program", bin / "program");
      } else {
        out.output += lstep.diagnostics;
        ok = finish_step(out, lstep, "linking");
      }
    }
  } else if (ok) {
    take_binary(cc / "program", bin / "program");
  }
  if (ok) {
    out.status = "OK";
    out.binary = bin / "program";
  }
  out.duration_ms = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  return out;
}

CompileOutcome compile_validator(sandbox::Sandbox& sandbox, const fs::path& sources, const fs::path& build_dir) {
  CompileOutcome out;
  const fs::path work = make_dir(build_dir / "validator-src");
  bool cxx = false;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(sources)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    const auto ext = entry.path().extension().string();
    if (ext == ".c" || ext == ".cc" || ext == ".cpp" || ext == ".h" || ext == ".hpp") {
      fs::copy_file(entry.path(), work / entry.path().filename());
      if (ext != ".h" && ext != ".hpp") files.push_back(entry.path().filename().string());
      if (ext == ".cc" || ext == ".cpp") cxx = true;
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> argv = {cxx ? "g++" : "gcc", cxx ? "-std=gnu++17" : "-std=gnu17", "-O2", "-static",
                                   "-o", "validator"};
  argv.insert(argv.end(), files.begin(), files.end());
  argv.emplace_back("-lm");
  out.command = argv;
  Step step = run_gcc(sandbox, work, build_dir / "validator.diag", argv);
  out.output = step.diagnostics;
  if (finish_step(out, step, "compiling the output validator")) {
    const fs::path target = make_dir(build_dir / "validator-bin") / "validator";
    take_binary(work / "validator", target);
    out.status = "OK";
    out.binary = target;
  }
  return out;
}

}  // namespace proctor::runner
