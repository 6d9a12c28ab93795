// proctor run: one command in the sandbox, with a run report on stdout (text) or in --json FILE.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "fs/atomic_write.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/sandbox/elf.hpp"
#include "proctor/sandbox/launch.hpp"
#include "text/units.hpp"

namespace proctor::cli {
namespace {

struct RunOptions {
  std::string profile = "program";
  std::uint64_t time_ms = 1000;
  std::optional<std::uint64_t> wall_ms;
  std::uint64_t memory_mb = 256;
  std::uint64_t output_kb = 65536;
  unsigned threads = 0;
  unsigned processes = 64;
  std::string stdin_path, stdout_path, stderr_path, json_path, work_dir, namespaces = "auto";
  std::string cost = "none";
  std::vector<std::string> readable;
  bool insecure = false;
  std::vector<std::string> command;
};

void print_text(const sandbox::RunReport& r) {
  auto opt = [](const auto& v) { return v ? std::to_string(*v) : std::string("-"); };
  std::cerr << "status " << sandbox::to_string(r.status);
  if (r.limit) std::cerr << " (" << *r.limit << " limit)";
  if (r.violation) std::cerr << " (forbidden syscall " << *r.violation << ")";
  std::cerr << "\ncpu " << text::format_time_us(r.cpu_us) << ", wall " << text::format_time_us(r.wall_us)
            << ", memory " << r.memory_kb << " KiB, exit " << opt(r.exit_code) << ", signal " << opt(r.signal)
            << ", stdout " << r.stdout_bytes << " B, stderr " << r.stderr_bytes << " B\n";
  const auto& l = r.layers;
  std::cerr << "layers: seccomp " << (l.seccomp ? "on" : "off") << ", landlock "
            << (l.landlock_abi ? "ABI " + std::to_string(l.landlock_abi) : std::string("off")) << ", cgroup "
            << l.cgroup << ", memory " << l.memory_limit << ", processes " << l.process_limit
            << ", memory peak from " << l.memory_peak << ", namespaces "
            << (l.namespaces.empty() ? std::string("none") : nlohmann::json(l.namespaces).dump())
            << (l.privileges_dropped ? ", own unprivileged uid" : "") << (l.insecure ? ", INSECURE" : "")
            << "\n";
  if (r.cost) {
    std::cerr << "cost " << r.cost->value << " " << sandbox::to_string(r.cost->unit);
    if (!r.cost->fallback_reason.empty()) std::cerr << " (" << r.cost->fallback_reason << ")";
    std::cerr << "\n";
  }
  if (!r.error.empty()) std::cerr << "judge error: " << r.error << "\n";
}

int run(const RunOptions& o) {
  auto profile = sandbox::profile_from_string(o.profile);
  if (!profile)
    throw runner::UserError("unknown profile '" + o.profile + "' (program, compile, checker or sanitizer)");
  sandbox::Policy policy;
  policy.profile = *profile;
  policy.argv = o.command;
  policy.limits.cpu_ms = o.time_ms;
  policy.limits.wall_ms = o.wall_ms;
  policy.limits.memory_kb = o.memory_mb * 1024;
  policy.limits.output_bytes = o.output_kb * 1024;
  policy.limits.threads = o.threads;
  policy.limits.processes = o.processes;
  policy.stdin_path = o.stdin_path;
  policy.stdout_path = o.stdout_path;
  policy.stderr_path = o.stderr_path;
  policy.work_dir = o.work_dir;
  for (const auto& r : o.readable) policy.readable.emplace_back(r);
  policy.insecure = o.insecure;
  policy.namespaces = o.namespaces == "on"    ? sandbox::Namespaces::on
                      : o.namespaces == "off" ? sandbox::Namespaces::off
                                              : sandbox::Namespaces::automatic;
  if (o.cost == "instructions") {
    policy.cost = sandbox::CostMeasure::instructions;
  } else if (o.cost == "task-clock") {
    policy.cost = sandbox::CostMeasure::task_clock;
  } else if (o.cost != "none") {
    throw runner::UserError("unknown cost '" + o.cost + "' (none, instructions or task-clock)");
  }
  if (!o.stdin_path.empty() && access(o.stdin_path.c_str(), R_OK) != 0) {
    throw runner::UserError(o.stdin_path, "cannot read the standard input file");
  }

  // Refused up front (exit 2): the program and checker profiles give the program no file system, so a
  // dynamically linked executable or a script could only fail at exec, as a judge error.
  if (auto problem = sandbox::command_problem(policy)) throw runner::UserError(*problem);

  sandbox::Sandbox sandbox;
  sandbox::RunReport report = sandbox.run(policy);
  nlohmann::json json = sandbox::to_json(report);
  if (!o.json_path.empty()) fs::atomic_write(o.json_path, json.dump(2) + "\n");
  print_text(report);
  if (report.status == sandbox::Status::je) return runner::kExitInternal;
  return report.status == sandbox::Status::ok ? runner::kExitOk : runner::kExitNotOk;
}

}  // namespace

void add_run_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run one command in the sandbox and report what it did");
  cmd->add_option("--profile", o->profile, "program | compile | checker | sanitizer")->capture_default_str();
  cmd->add_option("--time-ms", o->time_ms, "CPU time limit, all threads and processes")
      ->capture_default_str();
  cmd->add_option("--wall-ms", o->wall_ms, "wall time limit (default 3 x CPU + 1000)");
  cmd->add_option("--memory-mb", o->memory_mb, "peak memory of the process tree")->capture_default_str();
  cmd->add_option("--output-kb", o->output_kb, "bytes per output stream, in KiB")->capture_default_str();
  cmd->add_option("--threads", o->threads, "extra threads the program may start")->capture_default_str();
  cmd->add_option("--processes", o->processes, "tasks for the compile/checker profiles")
      ->capture_default_str();
  cmd->add_option("--stdin", o->stdin_path, "file given as standard input (default /dev/null)");
  cmd->add_option("--stdout", o->stdout_path, "file receiving standard output (default: discarded, counted)");
  cmd->add_option("--stderr", o->stderr_path, "file receiving standard error (default: discarded, counted)");
  cmd->add_option("--work-dir", o->work_dir, "working (and, for compile/checker, writable) directory");
  cmd->add_option("--read", o->readable, "extra read-only path (repeatable)");
  cmd->add_option("--namespaces", o->namespaces, "auto | on | off")->capture_default_str();
  cmd->add_option("--cost", o->cost, "none | instructions (else CPU time) | task-clock; program profile only")
      ->capture_default_str();
  cmd->add_option("--json", o->json_path, "also write the run report as JSON to this file");
  cmd->add_flag("--insecure", o->insecure, "run even if the file system cannot be confined (recorded)");
  cmd->add_option("command", o->command, "command and arguments, after --")->required();
  cmd->callback([o, &action] { action = [o] { return run(*o); }; });
}

}  // namespace proctor::cli
