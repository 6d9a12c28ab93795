// Static analysis: GCC's -fanalyzer on the submission alone (never the harness: its findings would not
// be the candidate's), in the compile sandbox with its own time and memory bounds, and the grading
// compile's warnings grouped by option. Kinds the exercise silences are counted, not shown.
#include <algorithm>
#include <chrono>
#include <map>
#include <regex>
#include <set>

#include "execute/compile.hpp"
#include "execute/diagnostics.hpp"
#include "proctor/sandbox/launch.hpp"
#include "signals/collect.hpp"

namespace proctor::runner {
namespace fs = std::filesystem;
namespace {

// The analyzer explores paths; on a large submission it can take long. Its own bounds, so that a
// pathological file costs at most this much and says so.
constexpr GccLimits kAnalyzerLimits{20'000, 40'000, 1536 * 1024};

// gcc 12 writes "double-'free' of 'p' [CWE-415]": the CWE tag is the analyzer's, not part of the
// message a person reads.
std::string without_cwe(std::string message) {
  static const std::regex kCwe(R"( \[CWE-[0-9]+\]$)");
  return std::regex_replace(message, kCwe, "");
}

std::vector<WarningGroup> group_warnings(const std::vector<CompileWarning>& warnings, const SignalsSpec& spec,
                                         std::size_t& silenced) {
  std::map<std::string, WarningGroup> groups;
  for (const CompileWarning& w : warnings) {
    const std::string option = w.option.value_or("");
    if (!option.empty() && spec.silenced(option)) {
      ++silenced;
      continue;
    }
    WarningGroup& g = groups[option];
    g.option = option;
    ++g.count;
    if (std::find(g.lines.begin(), g.lines.end(), w.line) == g.lines.end()) g.lines.push_back(w.line);
  }
  std::vector<WarningGroup> out;
  for (auto& [option, g] : groups) {
    std::sort(g.lines.begin(), g.lines.end());
    out.push_back(std::move(g));
  }
  // The most frequent first; ties by option name for a stable report.
  std::stable_sort(out.begin(), out.end(),
                   [](const WarningGroup& a, const WarningGroup& b) { return a.count > b.count; });
  return out;
}

}  // namespace

StaticSignal static_pass(const SignalContext& c) {
  const auto started = std::chrono::steady_clock::now();
  StaticSignal s;
  if (c.result->compile.status != CompileStatus::OK) {
    s.note = "the submission did not compile";
    return s;
  }
  s.warnings = group_warnings(c.result->compile.warnings, c.exercise->signals, s.silenced);

  const fs::path dir = make_dir(c.work_dir / "analyzer");
  const std::string source = write_submission_copy(dir, *c.exercise, *c.submission);
  std::vector<std::string> argv = base_flags(*c.exercise);
  argv.erase(std::remove(argv.begin(), argv.end(), "-static"), argv.end());
  if (c.exercise->kind == ExerciseKind::function) {
    copy_headers(c.exercise->include_dir, dir, false);
    for (const char* f : {"-I.", "-Dmain=proctor_unused_main"}) argv.emplace_back(f);
  }
  // Plain one-line diagnostics, no event paths: one finding, one line to parse. -O0: no inlining, so a
  // finding names the candidate's own line rather than the place a function was inlined into.
  for (const char* f : {"-O0", "-fanalyzer", "-fdiagnostics-plain-output", "-fdiagnostics-path-format=none",
                        "-fno-diagnostics-show-caret", "-c"}) {
    argv.emplace_back(f);
  }
  argv.push_back(source);
  argv.emplace_back("-o");
  argv.emplace_back("analyzed.o");
  const Step step = run_gcc(*c.sandbox, dir, c.work_dir / "analyzer.diag", argv, kAnalyzerLimits);
  if (step.report.status == sandbox::Status::tle || step.report.status == sandbox::Status::mle) {
    s.status = SignalStatus::failed;
    s.note = std::string("the analyzer exceeded its ") +
             (step.report.status == sandbox::Status::tle ? "time" : "memory") + " bound";
  } else if (step.report.status != sandbox::Status::ok) {
    s.status = SignalStatus::failed;
    s.note = "the analyzer did not run: " + std::string(sandbox::to_string(step.report.status)) + " " +
             step.report.error;
  } else {
    s.status = SignalStatus::ran;
  }
  std::set<std::pair<std::string, int>> seen;  // one finding per kind and line
  for (const CompileWarning& w : parse_warnings(step.diagnostics, source)) {
    if (!w.option || w.option->rfind("-Wanalyzer-", 0) != 0) continue;  // the grading compile's already
    if (c.exercise->signals.silenced(*w.option)) {
      ++s.silenced;
      continue;
    }
    if (!seen.insert({*w.option, w.line}).second) continue;
    s.findings.push_back(
        {*w.option, {CodeOrigin::submission, source, w.line, w.column, ""}, without_cwe(w.message)});
  }
  s.duration_ms = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
          .count());
  return s;
}

}  // namespace proctor::runner
