// Placeholder until the 'run' command lands; it only keeps the tree linking.
#include "cli/commands.hpp"

namespace proctor::cli {
void add_run_command(CLI::App& app, Action& action) {
  (void)app;
  (void)action;
}
}  // namespace proctor::cli
