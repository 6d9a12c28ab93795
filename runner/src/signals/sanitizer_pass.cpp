// The sanitizer pass: the sanitized build run on the tests (samples first, then the hidden ones, until
// the time budget is spent) in the sandbox's sanitizer profile; every report read back, symbolized in
// the compile sandbox, attributed to the submission or the harness, and de-duplicated by kind and line.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "execute/compile.hpp"
#include "fs/read_file.hpp"
#include "proctor/sandbox/launch.hpp"
#include "signals/collect.hpp"
#include "signals/sanitizer_build.hpp"
#include "signals/sanitizer_output.hpp"
#include "signals/symbolize.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

using Steady = std::chrono::steady_clock;

// The pass stops starting tests once this much wall time has gone by (the build and symbolization
// included): a grade with signals costs at most about this much more.
constexpr std::uint64_t kBudgetMs = 20'000;
constexpr std::size_t kStackFrames = 8;
constexpr std::uint64_t kStderrBytes = 256 * 1024;

// symbolize=0: the run has no symbolizer to start (docs/signals.md). Every check recovers and the
// leak check runs at exit; the quarantine is small, since the memory cgroup counts it. No core-dump
// setting: the sandbox already sets RLIMIT_CORE to 0 and refuses a program's own setrlimit.
constexpr const char* kAsanOptions =
    "symbolize=0:halt_on_error=0:abort_on_error=0:detect_leaks=1:allocator_may_return_null=1:"
    "quarantine_size_mb=16:malloc_context_size=8:print_legend=0:color=never:disable_coredump=0:"
    "detect_odr_violation=0:handle_abort=0";
// UBSan parses the common flags again (a non-empty UBSAN_OPTIONS resets the core-dump one).
constexpr const char* kUbsanOptions =
    "symbolize=0:print_stacktrace=1:halt_on_error=0:color=never:disable_coredump=0";

std::uint64_t since_ms(Steady::time_point t) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - t).count());
}

// Which code a file name from the sanitizer or the debug information is. The submission is known by
// the whole relative name it was compiled under (debug information may put the build directory before
// it; a sanitizer message does not), the harness by its files' names; compile_name never lets the two
// meet.
struct Origins {
  std::string submission;         // compile_name: "my sol.c", "src/ring.c", "submission.c"
  std::set<std::string> harness;  // file names of the exercise's include directory
  bool is_submission(const std::string& path) const {
    return path == submission ||
           (path.size() > submission.size() &&
            path.compare(path.size() - submission.size(), submission.size(), submission) == 0 &&
            path[path.size() - submission.size() - 1] == '/');
  }
  CodeOrigin of(const std::string& path) const {
    if (is_submission(path)) return CodeOrigin::submission;
    if (harness.count(fs::path(path).filename().string())) return CodeOrigin::harness;
    return CodeOrigin::other;
  }
  // The name a finding shows: the submission's as the candidate knows it, else the file name alone.
  std::string shown(const std::string& path) const {
    return is_submission(path) ? submission : fs::path(path).filename().string();
  }
};

Origins origins_of(const Exercise& e, const Submission& s) {
  Origins o;
  o.submission = compile_name(e, s);
  if (e.kind == ExerciseKind::function && !e.include_dir.empty()) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(e.include_dir, ec))
      o.harness.insert(entry.path().filename().string());
  }
  return o;
}

sandbox::Policy run_policy(const SignalContext& c, const fs::path& program, const TestCase& test,
                           const fs::path& dir) {
  const ExerciseLimits& limits = c.exercise->limits;
  sandbox::Policy p;
  p.profile = sandbox::Profile::sanitizer;
  p.argv = {program.string()};
  // The instrumented program runs about two to three times slower and needs shadow memory, redzones
  // and a quarantine on top of its own.
  p.limits.cpu_ms = limits.time_ms * 4 + 1000;
  p.limits.memory_kb = (limits.memory_mb * 2 + 512) * 1024;
  p.limits.output_bytes = limits.output_kb * 1024 + kStderrBytes;
  p.stdin_path = test.input;
  p.stdout_path = dir / "out";
  p.stderr_path = dir / "err";
  p.env = {{"ASAN_OPTIONS", kAsanOptions}, {"UBSAN_OPTIONS", kUbsanOptions}};
  return p;
}

struct Seen {
  RawFinding raw;
  std::string test;
  bool secret = false;
  std::set<std::size_t> tests;  // indices of the tests that showed it
};

SourceLocation frame_location(const RawFrame& f, const std::map<std::uint64_t, Symbol>& symbols,
                              const Origins& origins) {
  if (f.module == "program") {
    auto it = symbols.find(f.offset);
    if (it != symbols.end()) {
      return {origins.of(it->second.file), origins.shown(it->second.file), it->second.line, 0,
              it->second.function};
    }
  }
  return {CodeOrigin::other, f.module, 0, 0, ""};
}

}  // namespace

SanitizerSignal sanitizer_pass(const SignalContext& c) {
  const auto started = Steady::now();
  SanitizerSignal s;
  s.tests_total = c.tests->size();
  if (c.result->compile.status != CompileStatus::OK) {
    s.note = "the submission did not compile";
    return s;
  }
  const fs::path dir = make_dir(c.work_dir / "sanitizer");
  const SanitizerBuild build = build_sanitized(c, dir);
  if (build.program.empty()) {
    s.status = SignalStatus::failed;
    s.note = build.error;
    s.duration_ms = since_ms(started);
    return s;
  }

  // Raw findings by kind and the place they were raised (UBSan's own position, else the first frame):
  // symbols are not known yet, so the final de-duplication by line comes after symbolization.
  std::vector<Seen> seen;
  std::map<std::string, std::size_t> index;
  std::string problem;
  const fs::path scratch = make_dir(dir / "runs");
  for (std::size_t i = 0; i < c.tests->size(); ++i) {
    if (since_ms(started) > kBudgetMs) break;
    const TestCase& test = (*c.tests)[i];
    const sandbox::Policy policy = run_policy(c, build.program, test, scratch);
    const sandbox::RunReport r = c.sandbox->run(policy);
    ++s.tests_run;
    if (r.status == sandbox::Status::je || r.status == sandbox::Status::sv) {
      // The profile's problem, not the candidate's: say so once and stop.
      problem = test.name + ": " + sandbox::to_string(r.status) + " " +
                (r.violation ? "forbidden call " + *r.violation : r.error);
      break;
    }
    const std::string err = proctor::fs::read_prefix(policy.stderr_path, kStderrBytes).bytes;
    for (RawFinding& raw : parse_sanitizer_output(err)) {
      std::string key = raw.kind + "@" + raw.file + ":" + std::to_string(raw.line);
      if (raw.file.empty() && !raw.frames.empty())
        key += raw.frames.front().module + "+" + std::to_string(raw.frames.front().offset);
      if (raw.tool == "leak" && raw.frames.size() > 1)  // frame 0 is the allocator itself
        key += raw.frames[1].module + "+" + std::to_string(raw.frames[1].offset);
      auto [it, fresh] = index.emplace(key, seen.size());
      if (fresh) seen.push_back({std::move(raw), test.name, test.visibility == Visibility::secret, {}});
      seen[it->second].tests.insert(i);
    }
    std::error_code ec;
    fs::remove(policy.stdout_path, ec);
    fs::remove(policy.stderr_path, ec);
  }

  std::vector<std::uint64_t> offsets;
  for (const Seen& f : seen) {
    for (std::size_t k = 0; k < f.raw.frames.size() && k < kStackFrames; ++k)
      if (f.raw.frames[k].module == "program") offsets.push_back(f.raw.frames[k].offset);
  }
  std::sort(offsets.begin(), offsets.end());
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  const auto symbols = symbolize(*c.sandbox, build.program, offsets, dir);
  const Origins origins = origins_of(*c.exercise, *c.submission);

  std::map<std::pair<std::string, std::string>, std::size_t> by_line;  // (kind, file:line) -> finding
  // Several raw findings can land on one line (a leak through different C library frames): the tests
  // that showed any of them, and the silenced ones counted as the findings they would have been.
  std::vector<std::set<std::size_t>> tests_of;
  std::set<std::pair<std::string, std::string>> silenced;
  for (const Seen& f : seen) {
    SanitizerFinding out;
    out.tool = f.raw.tool;
    out.kind = f.raw.kind;
    out.message = f.raw.message;
    if (!f.secret && !f.raw.detail.empty()) out.message += ": " + f.raw.detail;
    out.first_test = f.test;
    for (std::size_t k = 0; k < f.raw.frames.size() && k < kStackFrames; ++k)
      out.stack.push_back(frame_location(f.raw.frames[k], symbols, origins));
    if (!f.raw.file.empty()) {
      out.location =
          SourceLocation{origins.of(f.raw.file), origins.shown(f.raw.file), f.raw.line, f.raw.column, ""};
      if (!out.stack.empty() && out.stack.front().line == f.raw.line)
        out.location->function = out.stack.front().function;
    } else {
      // The candidate's own code first, else the harness's, else whatever came first.
      for (CodeOrigin wanted : {CodeOrigin::submission, CodeOrigin::harness}) {
        auto hit = std::find_if(out.stack.begin(), out.stack.end(),
                                [&](const SourceLocation& l) { return l.origin == wanted && l.line > 0; });
        if (hit != out.stack.end()) {
          out.location = *hit;
          break;
        }
      }
      // Else the first frame outside the sanitizer runtimes (a leak's allocator is theirs).
      if (!out.location) {
        auto hit = std::find_if(out.stack.begin(), out.stack.end(), [](const SourceLocation& l) {
          return l.file.rfind("libasan", 0) != 0 && l.file.rfind("libubsan", 0) != 0;
        });
        if (hit != out.stack.end()) out.location = *hit;
      }
    }
    const std::string where =
        out.location ? out.location->file + ":" + std::to_string(out.location->line) : std::string("?");
    if (c.exercise->signals.silenced(out.kind)) {
      silenced.emplace(out.kind, where);
      continue;
    }
    auto [it, fresh] = by_line.emplace(std::make_pair(out.kind, where), s.findings.size());
    if (fresh) {
      s.findings.push_back(std::move(out));
      tests_of.emplace_back();
    }
    tests_of[it->second].insert(f.tests.begin(), f.tests.end());
  }
  for (std::size_t k = 0; k < s.findings.size(); ++k) s.findings[k].tests = tests_of[k].size();
  s.silenced = silenced.size();
  // Memory errors and undefined behaviour before leaks: a read past a buffer is what the interviewer
  // must not miss, and a leak (often the C library's getline buffer) would otherwise come first.
  std::stable_partition(s.findings.begin(), s.findings.end(),
                        [](const SanitizerFinding& f) { return f.tool != "leak"; });
  s.status = problem.empty() ? SignalStatus::ran : SignalStatus::failed;
  if (!problem.empty()) {
    s.note = "the sanitized run stopped: " + problem;
  } else if (s.tests_run < s.tests_total) {
    s.note = "time budget of " + std::to_string(kBudgetMs / 1000) + " s reached after " +
             std::to_string(s.tests_run) + " of " + std::to_string(s.tests_total) + " tests";
  }
  s.duration_ms = since_ms(started);
  return s;
}

}  // namespace proctor::runner
