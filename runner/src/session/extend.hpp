#pragma once
// Extending a session's time: the deadline moves later by a given amount, recorded as an "extend"
// event (who, when, from which deadline to which). The candidate's countdown follows because every
// reader takes the deadline from session.json.
#include <chrono>
#include <string>

#include "session/session.hpp"

namespace proctor::session {

struct ExtendOutcome {
  Session session;  // after the extension
  Event event;
};

// Takes the session lock. `amount` is 1 second to 24 hours. Refused (runner::UserError) once the session
// is finished: its grade is written. A session past its deadline but not yet finished can still be
// extended (the deadline moves from where it was; submissions already recorded late stay late).
ExtendOutcome extend_session(const SessionFiles& files, std::chrono::milliseconds amount,
                             const std::string& by);

}  // namespace proctor::session
