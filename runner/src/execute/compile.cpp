// Kind "program": one gcc run. Kind "function": the submission is compiled to an object in a sandbox
// that sees only the submission and the exercise's headers (never the harness source), the harness on
// its own, and then both are linked. The submission's own main(), kept for local testing, is renamed
// away so the harness's main is the one that runs.
#include "execute/compile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>

#include "execute/diagnostics.hpp"
#include "execute/harness_cache.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/launch.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;

namespace {
constexpr std::uint64_t kMaxBinaryBytes = 64 << 20;
}  // namespace

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw InternalError("cannot write " + file.string());
}

std::string write_submission_copy(const fs::path& dir, const Exercise& exercise,
                                  const Submission& submission) {
  const std::string name = compile_name(exercise, submission);
  const fs::path copy = dir / name;
  // Every component is checked (no "..", no absolute path) and every directory is created here, in a
  // directory only the runner has written to: nothing of the candidate's is followed.
  if (copy.has_parent_path()) fs::create_directories(copy.parent_path());
  write_text(copy, submission.source);
  return name;
}

Step run_gcc(sandbox::Sandbox& sandbox, const fs::path& work_dir, const fs::path& diag_file,
             std::vector<std::string> argv, const GccLimits& limits) {
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::compile;
  policy.argv = std::move(argv);
  policy.limits.cpu_ms = limits.cpu_ms;
  policy.limits.wall_ms = limits.wall_ms;
  policy.limits.memory_kb = limits.memory_kb;
  policy.limits.output_bytes = kMaxBinaryBytes;  // also bounds every file the compiler writes
  policy.limits.processes = 32;
  policy.limits.open_files = 128;
  policy.work_dir = work_dir;
  policy.stderr_path = diag_file;
  policy.stdout_path = diag_file.string() + ".stdout";
  Step step;
  step.report = sandbox.run(policy);
  step.diagnostics = read_diagnostics(diag_file, kMaxDiagnosticsBytes);
  return step;
}

// Copies the compiler's output into a file the runner owns, refusing links and special files: the
// sandbox wrote that directory and may have planted a symlink to a host file there.
void take_binary(const fs::path& produced, const fs::path& target) {
  int in = open(produced.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (in < 0) throw UserError(produced, "the compiler produced no program");
  struct stat st {};
  if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uint64_t>(st.st_size) > kMaxBinaryBytes) {
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
  // gcc stops after 100 errors: more never reach the candidate (the diagnostics are cut at 64 KiB,
  // about 250 short errors), and a flood of them kept the compiler busy for seconds (20 000 undefined
  // names: 14 s). Before the exercise's own flags, so a package that sets -fmax-errors wins.
  std::vector<std::string> flags = {"gcc", "-std=" + exercise.compile.std, "-fmax-errors=100"};
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

namespace {

// Maps a failed compiler run to CE (the submission's fault: errors, limits, attacks) or JE.
bool finish_step(CompileOutcome& out, const Step& step, const char* what) {
  using sandbox::Status;
  const auto& r = step.report;
  if (r.status == Status::ok) return true;
  if (r.status == Status::je) {
    out.result.status = CompileStatus::JE;
    out.error = std::string(what) + ": " + r.error;
    return false;
  }
  std::string& output = out.result.output;
  out.result.status = CompileStatus::CE;
  if (r.status == Status::tle) output += "\n[compilation exceeded its time limit]";
  if (r.status == Status::mle) output += "\n[compilation exceeded its memory limit]";
  if (r.status == Status::ole) output += "\n[compilation wrote more than its output limit]";
  if (r.status == Status::sv)
    output += "\n[the compiler made a forbidden system call: " + r.violation.value_or("?") + "]";
  return false;
}

}  // namespace

std::string read_diagnostics(const fs::path& file, std::size_t limit) {
  proctor::fs::Prefix prefix = proctor::fs::read_prefix(file, limit);
  if (!prefix.truncated()) return prefix.bytes;
  prefix.bytes.resize(text::utf8_cut(prefix.bytes, limit));
  return prefix.bytes + "\n[" + std::to_string(prefix.size - prefix.bytes.size()) + " more bytes truncated]";
}

std::string compiler_version(sandbox::Sandbox& sandbox, const fs::path& scratch) {
  static std::mutex mutex;
  static std::string version;
  std::lock_guard lock(mutex);
  if (!version.empty()) return version;
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::compile;
  policy.argv = {"gcc", "-dumpfullversion"};
  policy.limits.cpu_ms = 5000;
  policy.limits.memory_kb = 512 * 1024;
  policy.stdout_path = scratch / "gcc-version.txt";
  sandbox::RunReport r = sandbox.run(policy);
  std::string v =
      r.status == sandbox::Status::ok ? proctor::fs::read_prefix(policy.stdout_path, 64).bytes : "";
  while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.pop_back();
  version = v.empty() ? "gcc (version unknown)" : "gcc " + v;
  return version;
}

namespace {

// The harness's object files, from the cache or compiled now (and then cached). Empty with `out` set to
// JE when the harness does not compile: the package's fault, never the candidate's.
std::vector<fs::path> harness_objects(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                      const fs::path& build_dir, const HarnessCache* cache,
                                      CompileOutcome& out) {
  const fs::path harness = make_dir(build_dir / "harness");
  copy_headers(exercise.include_dir, harness, true);
  std::vector<std::string> argv = base_flags(exercise);
  argv.emplace_back("-I.");
  argv.emplace_back("-c");
  std::vector<std::string> sources;
  for (const auto& entry : fs::directory_iterator(harness)) {
    if (entry.path().extension() == ".c") sources.push_back(entry.path().filename().string());
  }
  std::sort(sources.begin(), sources.end());
  argv.insert(argv.end(), sources.begin(), sources.end());

  std::string key;
  if (cache) {
    key = harness_key(exercise.id, exercise.include_dir, argv, compiler_version(sandbox, build_dir));
    if (auto objects = cache->find(key)) {
      out.harness_from_cache = true;
      return *objects;
    }
  }
  Step step = run_gcc(sandbox, harness, build_dir / "harness.diag", argv);
  if (step.report.status != sandbox::Status::ok) {
    out.result.status = CompileStatus::JE;
    out.error = "the exercise's harness does not compile: " +
                step.diagnostics.substr(0, text::utf8_cut(step.diagnostics, 2000)) + step.report.error;
    return {};
  }
  std::vector<fs::path> objects;
  for (const auto& entry : fs::directory_iterator(harness)) {
    if (entry.path().extension() == ".o") objects.push_back(entry.path());
  }
  std::sort(objects.begin(), objects.end());
  if (cache) cache->store(key, objects);
  return objects;
}

}  // namespace

CompileOutcome compile_for_runs(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                const Submission& submission, const fs::path& build_dir) {
  // Only function exercises have a harness to cache.
  const std::optional<HarnessCache> cache =
      exercise.kind == ExerciseKind::function ? HarnessCache::open_default() : std::nullopt;
  return compile_submission(sandbox, exercise, submission, build_dir, cache ? &*cache : nullptr);
}

CompileOutcome compile_submission(sandbox::Sandbox& sandbox, const Exercise& exercise,
                                  const Submission& submission, const fs::path& build_dir,
                                  const HarnessCache* cache) {
  const auto started = std::chrono::steady_clock::now();
  CompileOutcome out;
  const fs::path cc = make_dir(build_dir / "cc");
  const std::string source = write_submission_copy(cc, exercise, submission);
  const fs::path bin = make_dir(build_dir / "bin");
  const bool function = exercise.kind == ExerciseKind::function;

  std::vector<std::string> argv = base_flags(exercise);
  if (function) {
    copy_headers(exercise.include_dir, cc, false);
    for (const char* f : {"-I.", "-Dmain=proctor_unused_main", "-c"}) argv.emplace_back(f);
    argv.push_back(source);
    argv.emplace_back("-o");
    argv.emplace_back("submission.o");
  } else {
    argv.push_back(source);
    for (const char* f : {"-o", "program", "-lm"}) argv.emplace_back(f);
  }
  out.result.command = argv;
  Step step = run_gcc(sandbox, cc, build_dir / "submission.diag", argv);
  out.result.output = step.diagnostics;
  out.result.warnings = parse_warnings(out.result.output, source);
  bool ok = finish_step(out, step, "compiling the submission");

  if (ok && function) {
    const std::vector<fs::path> objects = harness_objects(sandbox, exercise, build_dir, cache, out);
    ok = !objects.empty();
    if (ok) {
      const fs::path link = make_dir(build_dir / "link");
      std::vector<std::string> largv = {"gcc", "-static", "-o", "program"};
      for (const fs::path& object : objects) {
        take_binary(object, link / object.filename());
        largv.push_back(object.filename().string());
      }
      take_binary(cc / "submission.o", link / "submission.o");
      largv.emplace_back("submission.o");
      largv.emplace_back("-lm");
      Step lstep = run_gcc(sandbox, link, build_dir / "link.diag", largv);
      if (lstep.report.status == sandbox::Status::ok) {
        take_binary(link / "program", bin / "program");
      } else {
        out.result.output += lstep.diagnostics;
        ok = finish_step(out, lstep, "linking");
      }
    }
  } else if (ok) {
    take_binary(cc / "program", bin / "program");
  }
  if (ok) {
    out.result.status = CompileStatus::OK;
    out.binary = bin / "program";
  }
  out.result.duration_ms = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
          .count());
  return out;
}

CompileOutcome compile_validator(sandbox::Sandbox& sandbox, const fs::path& sources,
                                 const fs::path& build_dir, const std::vector<fs::path>& only) {
  CompileOutcome out;
  const fs::path work = make_dir(build_dir / "validator-src");
  bool cxx = false;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(sources)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    const auto ext = entry.path().extension().string();
    if (!only.empty() && ext != ".h" && ext != ".hpp" &&
        std::none_of(only.begin(), only.end(),
                     [&](const fs::path& p) { return p.filename() == entry.path().filename(); })) {
      continue;
    }
    if (ext == ".c" || ext == ".cc" || ext == ".cpp" || ext == ".h" || ext == ".hpp") {
      fs::copy_file(entry.path(), work / entry.path().filename());
      if (ext != ".h" && ext != ".hpp") files.push_back(entry.path().filename().string());
      if (ext == ".cc" || ext == ".cpp") cxx = true;
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> argv = {
      cxx ? "g++" : "gcc", cxx ? "-std=gnu++17" : "-std=gnu17", "-O2", "-static", "-o", "validator"};
  argv.insert(argv.end(), files.begin(), files.end());
  argv.emplace_back("-lm");
  out.result.command = argv;
  Step step = run_gcc(sandbox, work, build_dir / "validator.diag", argv);
  out.result.output = step.diagnostics;
  if (finish_step(out, step, "compiling the output validator")) {
    const fs::path target = make_dir(build_dir / "validator-bin") / "validator";
    take_binary(work / "validator", target);
    out.result.status = CompileStatus::OK;
    out.binary = target;
  }
  return out;
}

}  // namespace proctor::runner
