#pragma once
// The result document's "signals" block (docs/result.schema.json, docs/signals.md): written and read
// here, embedded by result_json.cpp.
#include <nlohmann/json.hpp>

#include "proctor/runner/signals.hpp"

namespace proctor::runner {

nlohmann::json signals_to_json(const Signals& signals);
// Throws UserError naming the field ("not a Proctor result: signals.sanitizer.findings[0].kind: ...").
Signals signals_from_json(const nlohmann::json& signals);

}  // namespace proctor::runner
