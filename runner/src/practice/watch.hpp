#pragma once
// `proctor practice … --watch`: run again on every save of the candidate's file (the session watch's
// FileWatch and quiet period), one fresh screen per run.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

namespace proctor::practice {

struct WatchOptions {
  bool terminal = false;  // clear the screen before each run (else runs follow each other, separated)
};

// Runs `run` at once and after every save of `file`, printing what it returns under a one-line header
// (run number, time of day, what is watched). A runner::UserError from `run` (an empty file while
// the editor saves, say) is shown in place of a result and watching goes on. Returns 0 on SIGINT or
// SIGTERM (the run in progress finishes first); throws runner::UserError when the file's directory
// cannot be watched or disappears.
int watch_and_run(const std::filesystem::path& file, const std::function<std::string()>& run,
                  const WatchOptions& options, std::ostream& out);

}  // namespace proctor::practice
