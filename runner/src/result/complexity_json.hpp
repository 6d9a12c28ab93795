#pragma once
// The complexity evidence in the result document (docs/result.schema.json, signals.complexity).
#include <nlohmann/json.hpp>
#include <string>

#include "proctor/runner/signals.hpp"

namespace proctor::runner {

nlohmann::json to_json(const ComplexityEvidence& evidence);

// Throws UserError("not a Proctor result: <where>.<field>: <problem>").
ComplexityEvidence complexity_from_json(const nlohmann::json& j, const std::string& where);

}  // namespace proctor::runner
