#include "signals/sanitizer_build.hpp"

#include <algorithm>

#include "execute/compile.hpp"
#include "proctor/sandbox/launch.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

// -O1 keeps lines honest in stacks; frame pointers make the runtime's fast unwinder exact. The object
// size check repeats what AddressSanitizer says about the same access, in less useful words. Every
// check recovers: a run goes on after a finding, so one run shows them all, and the program's output
// is unchanged up to the first fatal one.
const std::vector<std::string> kFlags = {"-g",
                                         "-O1",
                                         "-fno-omit-frame-pointer",
                                         "-fsanitize=address,undefined",
                                         "-fno-sanitize=object-size",
                                         "-fsanitize-recover=address,undefined"};

std::vector<std::string> flags_of(const Exercise& exercise) {
  std::vector<std::string> argv = base_flags(exercise);
  argv.erase(std::remove(argv.begin(), argv.end(), "-static"), argv.end());
  argv.insert(argv.end(), kFlags.begin(), kFlags.end());
  return argv;
}

std::string failure(const Step& step, const char* what) {
  return std::string(what) + " (" + sandbox::to_string(step.report.status) +
         "): " + step.diagnostics.substr(0, text::utf8_cut(step.diagnostics, 500)) + step.report.error;
}

}  // namespace

const std::vector<std::string>& sanitizer_flags() {
  return kFlags;
}

SanitizerBuild build_sanitized(const SignalContext& c, const fs::path& dir) {
  SanitizerBuild out;
  const Exercise& e = *c.exercise;
  const fs::path cc = make_dir(dir / "cc");
  const std::string source = write_submission_copy(cc, e, *c.submission);
  std::vector<std::string> argv = flags_of(e);
  if (e.kind == ExerciseKind::program) {
    argv.push_back(source);
    for (const char* f : {"-o", "program", "-lm"}) argv.emplace_back(f);
    const Step step = run_gcc(*c.sandbox, cc, dir / "cc.diag", argv);
    if (step.report.status != sandbox::Status::ok) {
      out.error = failure(step, "the sanitized build failed");
      return out;
    }
    take_binary(cc / "program", dir / "program");
    out.program = dir / "program";
    return out;
  }
  // Function: the submission alone (seeing only the headers), the harness alone, then the link.
  copy_headers(e.include_dir, cc, false);
  for (const char* f : {"-I.", "-Dmain=proctor_unused_main", "-c"}) argv.emplace_back(f);
  argv.push_back(source);
  argv.emplace_back("-o");
  argv.emplace_back("submission.o");
  Step step = run_gcc(*c.sandbox, cc, dir / "cc.diag", argv);
  if (step.report.status != sandbox::Status::ok) {
    out.error = failure(step, "the sanitized build of the submission failed");
    return out;
  }
  const fs::path harness = make_dir(dir / "harness");
  copy_headers(e.include_dir, harness, true);
  std::vector<std::string> hargv = flags_of(e);
  hargv.emplace_back("-I.");
  hargv.emplace_back("-c");
  std::vector<std::string> sources;
  for (const auto& entry : fs::directory_iterator(harness)) {
    if (entry.path().extension() == ".c") sources.push_back(entry.path().filename().string());
  }
  std::sort(sources.begin(), sources.end());
  hargv.insert(hargv.end(), sources.begin(), sources.end());
  step = run_gcc(*c.sandbox, harness, dir / "harness.diag", hargv);
  if (step.report.status != sandbox::Status::ok) {
    out.error = failure(step, "the sanitized build of the harness failed");
    return out;
  }
  const fs::path link = make_dir(dir / "link");
  std::vector<std::string> largv = {"gcc", "-fsanitize=address,undefined", "-o", "program"};
  for (const std::string& source : sources) {
    const std::string object = fs::path(source).replace_extension(".o").string();
    take_binary(harness / object, link / object);
    largv.push_back(object);
  }
  take_binary(cc / "submission.o", link / "submission.o");
  largv.emplace_back("submission.o");
  largv.emplace_back("-lm");
  step = run_gcc(*c.sandbox, link, dir / "link.diag", largv);
  if (step.report.status != sandbox::Status::ok) {
    out.error = failure(step, "linking the sanitized build failed");
    return out;
  }
  take_binary(link / "program", dir / "program");
  out.program = dir / "program";
  return out;
}

}  // namespace proctor::runner
