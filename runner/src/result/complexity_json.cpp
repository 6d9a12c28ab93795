#include "result/complexity_json.hpp"

#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {
namespace {

using nlohmann::json;

json complexity_fit_json(const std::optional<GrowthFit>& f) {
  if (!f) return nullptr;
  return {{"exponent", f->exponent},
          {"model", to_string(f->model)},
          {"startup", f->startup},
          {"scale", f->scale},
          {"relative_error", f->relative_error}};
}

json complexity_curve_json(const ScalingCurve& c) {
  json points = json::array();
  for (const ScalingPoint& p : c.points) {
    json j = {{"n", p.n}, {"cost", p.cost ? json(*p.cost) : json(nullptr)}, {"samples", p.samples}};
    if (!p.failure.empty()) j["failure"] = text::valid_utf8(p.failure);
    points.push_back(j);
  }
  return {{"solution", text::valid_utf8(c.solution)}, {"points", points}, {"fit", complexity_fit_json(c.fit)}};
}

[[noreturn]] void complexity_bad(const std::string& where, const std::string& problem) {
  throw UserError("not a Proctor result: " + where + ": " + problem);
}

const json& complexity_member(const json& j, const std::string& where, const char* key) {
  if (!j.is_object()) complexity_bad(where, "expected an object");
  auto it = j.find(key);
  if (it == j.end()) complexity_bad(where + "." + key, "missing");
  return *it;
}

std::string complexity_string(const json& j, const std::string& where, const char* key) {
  const json& v = complexity_member(j, where, key);
  if (!v.is_string()) complexity_bad(where + "." + key, "expected a string");
  return v.get<std::string>();
}

std::string complexity_optional_string(const json& j, const std::string& where, const char* key) {
  return j.is_object() && j.contains(key) ? complexity_string(j, where, key) : "";
}

double complexity_number(const json& j, const std::string& where, const char* key) {
  const json& v = complexity_member(j, where, key);
  if (!v.is_number()) complexity_bad(where + "." + key, "expected a number");
  return v.get<double>();
}

std::uint64_t complexity_u64(const json& v, const std::string& where) {
  if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<long long>() < 0))
    complexity_bad(where, "expected a non-negative integer");
  return v.get<std::uint64_t>();
}

std::optional<GrowthFit> complexity_fit_from(const json& j, const std::string& where) {
  if (j.is_null()) return std::nullopt;
  GrowthFit f;
  f.exponent = complexity_number(j, where, "exponent");
  const std::string model = complexity_string(j, where, "model");
  const auto m = growth_model_from_string(model);
  if (!m) complexity_bad(where + ".model", "unknown growth model '" + model + "'");
  f.model = *m;
  f.startup = complexity_number(j, where, "startup");
  f.scale = complexity_number(j, where, "scale");
  f.relative_error = complexity_number(j, where, "relative_error");
  return f;
}

ScalingCurve complexity_curve_from(const json& j, const std::string& where) {
  ScalingCurve c;
  c.solution = complexity_string(j, where, "solution");
  const json& points = complexity_member(j, where, "points");
  if (!points.is_array()) complexity_bad(where + ".points", "expected an array");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string w = where + ".points[" + std::to_string(i) + "]";
    const json& p = points[i];
    ScalingPoint point;
    point.n = complexity_u64(complexity_member(p, w, "n"), w + ".n");
    const json& cost = complexity_member(p, w, "cost");
    if (!cost.is_null()) point.cost = complexity_number(p, w, "cost");
    const json& samples = complexity_member(p, w, "samples");
    if (!samples.is_array()) complexity_bad(w + ".samples", "expected an array");
    for (const json& s : samples) point.samples.push_back(complexity_u64(s, w + ".samples"));
    point.failure = complexity_optional_string(p, w, "failure");
    c.points.push_back(point);
  }
  c.fit = complexity_fit_from(complexity_member(j, where, "fit"), where + ".fit");
  return c;
}

}  // namespace

json to_json(const ComplexityEvidence& e) {
  json j = {{"unit", text::valid_utf8(e.unit)},
            {"repeat", e.repeat},
            {"candidate", complexity_curve_json(e.candidate)},
            {"reference", complexity_curve_json(e.reference)},
            {"sentence", text::valid_utf8(e.sentence)},
            {"grows_faster", e.grows_faster},
            {"duration_ms", e.duration_ms}};
  if (!e.fallback_reason.empty()) j["fallback_reason"] = text::valid_utf8(e.fallback_reason);
  if (!e.error.empty()) j["error"] = text::valid_utf8(e.error);
  return j;
}

ComplexityEvidence complexity_from_json(const json& j, const std::string& where) {
  ComplexityEvidence e;
  e.unit = complexity_string(j, where, "unit");
  e.repeat = static_cast<unsigned>(complexity_u64(complexity_member(j, where, "repeat"), where + ".repeat"));
  e.candidate = complexity_curve_from(complexity_member(j, where, "candidate"), where + ".candidate");
  e.reference = complexity_curve_from(complexity_member(j, where, "reference"), where + ".reference");
  e.sentence = complexity_string(j, where, "sentence");
  const json& faster = complexity_member(j, where, "grows_faster");
  if (!faster.is_boolean()) complexity_bad(where + ".grows_faster", "expected true or false");
  e.grows_faster = faster.get<bool>();
  e.duration_ms = complexity_u64(complexity_member(j, where, "duration_ms"), where + ".duration_ms");
  e.fallback_reason = complexity_optional_string(j, where, "fallback_reason");
  e.error = complexity_optional_string(j, where, "error");
  return e;
}

}  // namespace proctor::runner
