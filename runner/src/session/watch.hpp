#pragma once
// `session watch`: the candidate's terminal. Shows a countdown, submits every save of
// workspace/solution.c (inotify) and prints the sample results; stops at the deadline or when the
// interviewer finishes the session.
#include <iosfwd>

#include "session/paths.hpp"

namespace proctor::session {

struct WatchOptions {
  bool json = false;   // JSON Lines: one object per event instead of text
  bool color = false;  // ANSI colours and an in-place countdown (a terminal)
};

// Returns the exit code: 0 when it ran until the deadline or the finish, 1 when the session had already
// ended. Throws runner::UserError when the workspace is missing or deleted while watching.
int watch_session(const SessionFiles& files, const WatchOptions& options, std::ostream& out);

}  // namespace proctor::session
