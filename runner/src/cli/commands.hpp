#pragma once
// Each subcommand lives in its own file and registers itself on the CLI11 app. The callback it sets
// in `action` runs after parsing; main() turns exceptions into one-line errors and exit codes.
#include <CLI/CLI.hpp>
#include <functional>

namespace proctor::cli {

using Action = std::function<int()>;

void add_run_command(CLI::App& app, Action& action);
void add_grade_commands(CLI::App& app, Action& action);  // grade, practice
void add_session_commands(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);
void add_exercise_commands(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);

}  // namespace proctor::cli
