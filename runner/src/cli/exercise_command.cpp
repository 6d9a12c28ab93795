// Placeholder until the 'exercise' command lands; it only keeps the tree linking.
#include "cli/commands.hpp"

namespace proctor::cli {
void add_exercise_commands(CLI::App& app, Action& action) {
  (void)app;
  (void)action;
}
}  // namespace proctor::cli
