// proctor grade / proctor practice: the main job, for people (a table, diffs, colour) and for
// machines (--json FILE with the result document).
#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/sandbox/launch.hpp"

namespace proctor::cli {
namespace {

using nlohmann::json;

struct GradeArgs {
  std::string exercise, submission, json_path, tests = "all", color = "auto";
  unsigned jobs = 0;
  bool fail_fast = false;
  bool practice = false;
};

struct Style {
  bool on = false;
  std::string paint(const std::string& text, const char* code) const {
    return on ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
  std::string verdict(const std::string& v) const {
    if (v == "AC") return paint(v, "32;1");
    if (v == "skipped") return paint(v, "2");
    return paint(v, "31;1");
  }
};

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

void print_result(const json& r, const Style& style) {
  std::ostream& out = std::cout;
  out << style.paint(r["exercise"]["title"].get<std::string>(), "1") << " (" << r["exercise"]["id"].get<std::string>()
      << ")\n";
  const json& compile = r["compile"];
  if (compile["status"] != "OK") {
    out << "\n" << style.paint("compilation failed", "31;1") << "\n" << compile["output"].get<std::string>() << "\n";
  }
  if (!compile["warnings"].empty()) {
    out << "\n" << style.paint("warnings", "33;1") << "\n";
    for (const auto& w : compile["warnings"]) {
      out << "  line " << w["line"] << ":" << w["column"] << "  " << w["message"].get<std::string>();
      if (!w["option"].is_null()) out << " [" << w["option"].get<std::string>() << "]";
      out << "\n";
    }
  }
  if (compile["status"] == "OK" && !r["tests"].empty()) {
    std::size_t width = 4;
    for (const auto& t : r["tests"]) width = std::max(width, t["name"].get<std::string>().size());
    out << "\n" << pad("test", width) << "  verdict  " << std::setw(8) << "time" << "  " << std::setw(10) << "memory"
        << "  note\n";
    for (const auto& t : r["tests"]) {
      const std::string v = t["verdict"];
      out << pad(t["name"], width) << "  " << style.verdict(v) << std::string(9 - std::min<std::size_t>(8, v.size()), ' ')
          << std::setw(5) << t["time_ms"].get<std::uint64_t>() << " ms  " << std::setw(7)
          << t["memory_kb"].get<std::uint64_t>() / 1024 << " MiB  " << t["message"].get<std::string>() << "\n";
    }
    for (const auto& t : r["tests"]) {
      if (t.contains("diff")) {
        out << "\n" << style.paint(t["name"].get<std::string>() + ": output differs", "33;1") << "\n"
            << t["diff"].get<std::string>() << "\n";
      }
    }
  }
  if (r.contains("error")) out << "\n" << style.paint("judge error: ", "31;1") << r["error"].get<std::string>() << "\n";
  const json& s = r["score"];
  out << "\nverdict " << style.verdict(r["verdict"]) << "   passed " << s["passed"] << "/" << s["total"];
  if (s["max_points"].get<double>() != static_cast<double>(s["total"].get<std::size_t>())) {
    out << "   points " << s["points"] << "/" << s["max_points"];
  }
  out << "\n";
}

int grade_command(const GradeArgs& a) {
  if (a.tests != "all" && a.tests != "sample") throw runner::UserError("--tests must be 'sample' or 'all'");
  if (a.color != "auto" && a.color != "always" && a.color != "never") {
    throw runner::UserError("--color must be auto, always or never");
  }
  const bool all = !a.practice && a.tests == "all";
  runner::Exercise exercise = runner::load_exercise(a.exercise, {.include_secret = all});
  sandbox::Sandbox sandbox;
  runner::GradeOptions options;
  options.tests = all ? runner::TestSelection::all : runner::TestSelection::sample;
  options.jobs = a.jobs;
  options.fail_fast = a.fail_fast;
  const bool tty = isatty(STDOUT_FILENO) != 0;
  const bool live = isatty(STDERR_FILENO) != 0;
  if (live) {
    options.on_progress = [](const runner::TestProgress& p) {
      std::fprintf(stderr, "\r\033[K  running tests %zu/%zu  (%s: %s)", p.done, p.total, p.last_test.c_str(),
                   p.last_verdict.c_str());
      std::fflush(stderr);
    };
  }
  json result = runner::grade(sandbox, exercise, a.submission, options);
  if (live) std::fprintf(stderr, "\r\033[K");
  if (!a.json_path.empty()) fs::atomic_write(a.json_path, result.dump(2) + "\n");
  Style style{a.color == "always" || (a.color == "auto" && tty && getenv("NO_COLOR") == nullptr)};
  print_result(result, style);
  const std::string verdict = result["verdict"];
  if (verdict == "JE") return runner::kExitInternal;
  return verdict == "AC" ? runner::kExitOk : runner::kExitNotOk;
}

void add_common(CLI::App* cmd, GradeArgs& a) {
  cmd->add_option("exercise", a.exercise, "exercise package directory")->required();
  cmd->add_option("submission", a.submission, "the C source file to grade")->required();
  cmd->add_option("--json", a.json_path, "write the result document (docs/result.schema.json) to this file");
  cmd->add_option("--jobs", a.jobs, "tests run in parallel (default: one per core)");
  cmd->add_flag("--fail-fast", a.fail_fast, "stop at the first failing test");
  cmd->add_option("--color", a.color, "auto | always | never")->capture_default_str();
}

}  // namespace

void add_grade_commands(CLI::App& app, Action& action) {
  auto g = std::make_shared<GradeArgs>();
  CLI::App* grade = app.add_subcommand("grade", "Grade a C submission against an exercise package");
  add_common(grade, *g);
  grade->add_option("--tests", g->tests, "sample | all")->capture_default_str();
  grade->callback([g, &action] { action = [g] { return grade_command(*g); }; });

  auto p = std::make_shared<GradeArgs>();
  p->practice = true;
  CLI::App* practice = app.add_subcommand("practice", "Run a submission on the sample tests only (never opens data/secret)");
  add_common(practice, *p);
  practice->callback([p, &action] { action = [p] { return grade_command(*p); }; });
}

}  // namespace proctor::cli
