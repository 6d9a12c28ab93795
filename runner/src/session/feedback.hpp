#pragma once
// What the candidate sees after a submission (`session submit` and `session watch`): the sample tests
// only, with their diffs and the compiler's messages. Secret tests are never graded before finish.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "proctor/runner/verdict.hpp"
#include "session/submit.hpp"

namespace proctor::session {

// Multi-line text; `color` adds ANSI colours to verdicts (for a terminal). Untrusted text is cleaned of
// control characters.
std::string submit_text(const SubmitOutcome& outcome, bool color);

// {id, n, submitted_at, sha256, bytes, late, refused, message?, remaining_ms, sample_passed?,
//  sample_total?, verdict?, compile?, tests?}
nlohmann::json submit_json(const SubmitOutcome& outcome);

// Colours a verdict for a terminal (green AC, red otherwise); "-" when there is none.
std::string colored_verdict(std::optional<runner::Verdict> verdict, bool color);

}  // namespace proctor::session
