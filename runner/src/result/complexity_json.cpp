#include "result/complexity_json.hpp"

#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace proctor::runner {
namespace {

using nlohmann::json;

json fit_json(const std::optional<GrowthFit>& f) {
  if (!f) return nullptr;
  return {{"exponent", f->exponent},
          {"model", to_string(f->model)},
          {"startup", f->startup},
          {"scale", f->scale},
          {"relative_error", f->relative_error}};
}

json curve_json(const ScalingCurve& c) {
  json points = json::array();
  for (const ScalingPoint& p : c.points) {
    json j = {{"n", p.n}, {"cost", p.cost ? json(*p.cost) : json(nullptr)}, {"samples", p.samples}};
    if (!p.failure.empty()) j["failure"] = text::valid_utf8(p.failure);
    points.push_back(j);
  }
  return {{"solution", text::valid_utf8(c.solution)}, {"points", points}, {"fit", fit_json(c.fit)}};
}

[[noreturn]] void bad(const std::string& where, const std::string& problem) {
  throw UserError("not a Proctor result: " + where + ": " + problem);
}

const json& at(const json& j, const std::string& where, const char* key) {
  if (!j.is_object()) bad(where, "expected an object");
  auto it = j.find(key);
  if (it == j.end()) bad(where + "." + key, "missing");
  return *it;
}

std::string string_at(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_string()) bad(where + "." + key, "expected a string");
  return v.get<std::string>();
}

std::string optional_string_at(const json& j, const std::string& where, const char* key) {
  return j.is_object() && j.contains(key) ? string_at(j, where, key) : "";
}

double number_at(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_number()) bad(where + "." + key, "expected a number");
  return v.get<double>();
}

std::uint64_t u64_of(const json& v, const std::string& where) {
  if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<long long>() < 0))
    bad(where, "expected a non-negative integer");
  return v.get<std::uint64_t>();
}

std::optional<GrowthFit> fit_from(const json& j, const std::string& where) {
  if (j.is_null()) return std::nullopt;
  GrowthFit f;
  f.exponent = number_at(j, where, "exponent");
  const std::string model = string_at(j, where, "model");
  const auto m = growth_model_from_string(model);
  if (!m) bad(where + ".model", "unknown growth model '" + model + "'");
  f.model = *m;
  f.startup = number_at(j, where, "startup");
  f.scale = number_at(j, where, "scale");
  f.relative_error = number_at(j, where, "relative_error");
  return f;
}

ScalingCurve curve_from(const json& j, const std::string& where) {
  ScalingCurve c;
  c.solution = string_at(j, where, "solution");
  const json& points = at(j, where, "points");
  if (!points.is_array()) bad(where + ".points", "expected an array");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string w = where + ".points[" + std::to_string(i) + "]";
    const json& p = points[i];
    ScalingPoint point;
    point.n = u64_of(at(p, w, "n"), w + ".n");
    const json& cost = at(p, w, "cost");
    if (!cost.is_null()) point.cost = number_at(p, w, "cost");
    const json& samples = at(p, w, "samples");
    if (!samples.is_array()) bad(w + ".samples", "expected an array");
    for (const json& s : samples) point.samples.push_back(u64_of(s, w + ".samples"));
    point.failure = optional_string_at(p, w, "failure");
    c.points.push_back(point);
  }
  c.fit = fit_from(at(j, where, "fit"), where + ".fit");
  return c;
}

}  // namespace

json to_json(const ComplexityEvidence& e) {
  json j = {{"unit", text::valid_utf8(e.unit)},
            {"repeat", e.repeat},
            {"candidate", curve_json(e.candidate)},
            {"reference", curve_json(e.reference)},
            {"sentence", text::valid_utf8(e.sentence)},
            {"grows_faster", e.grows_faster},
            {"duration_ms", e.duration_ms}};
  if (!e.fallback_reason.empty()) j["fallback_reason"] = text::valid_utf8(e.fallback_reason);
  if (!e.error.empty()) j["error"] = text::valid_utf8(e.error);
  return j;
}

ComplexityEvidence complexity_from_json(const json& j, const std::string& where) {
  ComplexityEvidence e;
  e.unit = string_at(j, where, "unit");
  e.repeat = static_cast<unsigned>(u64_of(at(j, where, "repeat"), where + ".repeat"));
  e.candidate = curve_from(at(j, where, "candidate"), where + ".candidate");
  e.reference = curve_from(at(j, where, "reference"), where + ".reference");
  e.sentence = string_at(j, where, "sentence");
  const json& faster = at(j, where, "grows_faster");
  if (!faster.is_boolean()) bad(where + ".grows_faster", "expected true or false");
  e.grows_faster = faster.get<bool>();
  e.duration_ms = u64_of(at(j, where, "duration_ms"), where + ".duration_ms");
  e.fallback_reason = optional_string_at(j, where, "fallback_reason");
  e.error = optional_string_at(j, where, "error");
  return e;
}

}  // namespace proctor::runner
