// Placeholder until the 'report' command lands; it only keeps the tree linking.
#include "cli/commands.hpp"

namespace proctor::cli {
void add_report_command(CLI::App& app, Action& action) {
  (void)app;
  (void)action;
}
}  // namespace proctor::cli
