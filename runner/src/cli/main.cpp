// proctor: wires the subcommands; every error becomes one line on stderr and a documented exit code.
#include <iostream>

#include "cli/commands.hpp"
#include "proctor/runner/error.hpp"

int main(int argc, char** argv) {
  using namespace proctor;
  CLI::App app{"Proctor runs and grades C coding exercises in a sandbox", "proctor"};
  app.set_version_flag("--version", std::string("proctor ") + PROCTOR_VERSION);
  app.require_subcommand(1);
  cli::Action action;
  cli::add_run_command(app, action);
  cli::add_grade_commands(app, action);
  cli::add_session_commands(app, action);
  cli::add_report_command(app, action);
  cli::add_exercise_commands(app, action);
  cli::add_serve_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? runner::kExitOk : runner::kExitBadInput;
  }
  try {
    return action ? action() : runner::kExitBadInput;
  } catch (const runner::UserError& e) {
    std::cerr << "proctor: " << e.what() << "\n";
    return runner::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "proctor: internal error: " << e.what() << "\n";
    return runner::kExitInternal;
  }
}
