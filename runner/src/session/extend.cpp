#include "session/extend.hpp"

#include "proctor/runner/error.hpp"
#include "session/lock.hpp"

namespace proctor::session {

ExtendOutcome extend_session(const SessionFiles& files, std::chrono::milliseconds amount,
                             const std::string& by) {
  using namespace std::chrono_literals;
  if (amount < 1s || amount > 24h) throw runner::UserError("an extension must be between 1s and 24h");
  Instant at = now();
  SessionLock lock(files.lock());
  ExtendOutcome out;
  out.session = load_session(files);
  Session& s = out.session;
  if (s.finished) {
    throw runner::UserError(files.session_json(), "the session is already finished (at " +
                                                      local_time_of_day(s.finished_at.value_or(at)) +
                                                      "); its time cannot be extended");
  }
  TimeExtended x{amount, s.deadline, s.deadline + amount};
  s.deadline = x.new_deadline;
  out.event = Event{at, by, x};
  s.events.push_back(out.event);
  save_session(files, s);
  return out;
}

}  // namespace proctor::session
