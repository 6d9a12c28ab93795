#pragma once
// The one RFC 3339 codec: results, sessions and reports write and read timestamps only through it.
#include <string>

#include "proctor/runner/instant.hpp"

namespace proctor::time {

// UTC with milliseconds, e.g. "2025-03-01T09:30:00.250Z".
std::string to_iso(Instant t);

// Any RFC 3339 date-time: "Z" or a "+hh:mm"/"-hh:mm" offset, optional fraction (kept to milliseconds),
// 'T'/'t' and 'Z'/'z'. Throws runner::UserError for anything else (the caller adds the file name).
Instant from_iso(const std::string& text);

}  // namespace proctor::time
