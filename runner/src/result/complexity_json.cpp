// The complexity evidence's part of the "signals" block: its writer and its reader.
#include "result/complexity_json.hpp"

#include <cmath>

#include "result/json_fields.hpp"

namespace proctor::runner {
namespace {

using nlohmann::json;
using namespace json_fields;

// A fit's figures are finite by construction; a non-finite one would be written as null and refused
// by the reader, so it is written as 0 instead.
json complexity_finite(double v) {
  return std::isfinite(v) ? v : 0.0;
}

json complexity_fit_json(const std::optional<GrowthFit>& f) {
  if (!f) return nullptr;
  return {{"exponent", complexity_finite(f->exponent)},
          {"model", to_string(f->model)},
          {"startup", complexity_finite(f->startup)},
          {"scale", complexity_finite(f->scale)},
          {"relative_error", complexity_finite(f->relative_error)}};
}

json complexity_curve_json(const ScalingCurve& c) {
  json points = json::array();
  for (const ScalingPoint& p : c.points) {
    json j = {
        {"n", p.n}, {"cost", p.cost ? complexity_finite(*p.cost) : json(nullptr)}, {"samples", p.samples}};
    if (!p.failure.empty()) j["failure"] = text(p.failure);
    points.push_back(j);
  }
  return {{"solution", text(c.solution)}, {"points", points}, {"fit", complexity_fit_json(c.fit)}};
}

std::optional<GrowthFit> complexity_fit_from(const json& j, const std::string& where) {
  if (j.is_null()) return std::nullopt;
  GrowthFit f;
  f.exponent = get_number(j, where, "exponent");
  const std::string model = get_string(j, where, "model");
  const auto m = growth_model_from_string(model);
  if (!m) bad(where + ".model", "unknown growth model '" + model + "'");
  f.model = *m;
  f.startup = get_number(j, where, "startup");
  f.scale = get_number(j, where, "scale");
  f.relative_error = get_number(j, where, "relative_error");
  return f;
}

ScalingCurve complexity_curve_from(const json& j, const std::string& where) {
  ScalingCurve c;
  c.solution = get_string(j, where, "solution");
  const json& points = get_array(j, where, "points");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string w = item(where, "points", i);
    const json& p = points[i];
    ScalingPoint point;
    point.n = get_u64(p, w, "n");
    if (!at(p, w, "cost").is_null()) point.cost = get_number(p, w, "cost");
    const json& samples = get_array(p, w, "samples");
    for (std::size_t k = 0; k < samples.size(); ++k) {
      if (!samples[k].is_number_unsigned()) bad(item(w, "samples", k), "expected a non-negative integer");
      point.samples.push_back(samples[k].get<std::uint64_t>());
    }
    point.failure = get_optional_string(p, w, "failure").value_or("");
    c.points.push_back(std::move(point));
  }
  c.fit = complexity_fit_from(at(j, where, "fit"), path_of(where, "fit"));
  return c;
}

}  // namespace

json to_json(const ComplexityEvidence& e) {
  json j = {{"status", to_string(e.status)},
            {"note", text(e.note)},
            {"unit", text(e.unit)},
            {"repeat", e.repeat},
            {"candidate", complexity_curve_json(e.candidate)},
            {"reference", complexity_curve_json(e.reference)},
            {"sentence", text(e.sentence)},
            {"grows_faster", e.grows_faster},
            {"duration_ms", e.duration_ms}};
  if (!e.fallback_reason.empty()) j["fallback_reason"] = text(e.fallback_reason);
  return j;
}

ComplexityEvidence complexity_from_json(const json& j, const std::string& where) {
  ComplexityEvidence e;
  e.status = get_signal_status(j, where, "status");
  e.note = get_string(j, where, "note");
  e.unit = get_string(j, where, "unit");
  e.repeat = static_cast<unsigned>(get_u64(j, where, "repeat"));
  e.candidate = complexity_curve_from(at(j, where, "candidate"), path_of(where, "candidate"));
  e.reference = complexity_curve_from(at(j, where, "reference"), path_of(where, "reference"));
  e.sentence = get_string(j, where, "sentence");
  e.grows_faster = get_bool(j, where, "grows_faster");
  e.duration_ms = get_u64(j, where, "duration_ms");
  e.fallback_reason = get_optional_string(j, where, "fallback_reason").value_or("");
  return e;
}

}  // namespace proctor::runner
