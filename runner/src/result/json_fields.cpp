// The result document's field helpers (json_fields.hpp).
#include "result/json_fields.hpp"

#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"
#include "time/rfc3339.hpp"

namespace proctor::runner::json_fields {

// Every string of the document passes through here: one place where UTF-8 validity is enforced.
json text(const std::string& s) {
  return text::valid_utf8(s);
}

json optional_text(const std::optional<std::string>& s) {
  return s ? text(*s) : json(nullptr);
}

json optional_int(const std::optional<int>& v) {
  return v ? json(*v) : json(nullptr);
}

[[noreturn]] void bad(const std::string& where, const std::string& problem) {
  throw UserError("not a Proctor result: " + where + ": " + problem);
}

const json& at(const json& j, const std::string& where, const char* key) {
  if (!j.is_object()) bad(where, "expected an object");
  auto it = j.find(key);
  if (it == j.end()) bad(where.empty() ? key : where + "." + key, "missing");
  return *it;
}

std::string path_of(const std::string& where, const char* key) {
  return where.empty() ? key : where + "." + key;
}

std::string get_string(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_string()) bad(path_of(where, key), "expected a string");
  return v.get<std::string>();
}

std::optional<std::string> get_optional_string(const json& j, const std::string& where, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return get_string(j, where, key);
}

std::uint64_t get_u64(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<long long>() < 0)) {
    bad(path_of(where, key), "expected a non-negative integer");
  }
  return v.get<std::uint64_t>();
}

std::optional<int> get_optional_int(const json& j, const std::string& where, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  const json& v = j[key];
  if (!v.is_number_integer()) bad(path_of(where, key), "expected an integer or null");
  return v.get<int>();
}

double get_number(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_number()) bad(path_of(where, key), "expected a number");
  return v.get<double>();
}

bool get_bool(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_boolean()) bad(path_of(where, key), "expected true or false");
  return v.get<bool>();
}

Instant get_time(const json& j, const std::string& where, const char* key) {
  const std::string s = get_string(j, where, key);
  try {
    return time::from_iso(s);
  } catch (const UserError& e) {
    bad(path_of(where, key), e.what());
  }
}

const json& get_array(const json& j, const std::string& where, const char* key) {
  const json& v = at(j, where, key);
  if (!v.is_array()) bad(path_of(where, key), "expected an array");
  return v;
}

Verdict get_verdict(const json& j, const std::string& where, const char* key) {
  const std::string s = get_string(j, where, key);
  auto v = verdict_from_string(s);
  if (!v) bad(path_of(where, key), "unknown verdict '" + s + "'");
  return *v;
}

std::string item(const std::string& where, const char* key, std::size_t i) {
  return path_of(where, key) + "[" + std::to_string(i) + "]";
}

SignalStatus get_signal_status(const json& j, const std::string& where, const char* key) {
  const std::string s = get_string(j, where, key);
  auto parsed = signal_status_from_string(s);
  if (!parsed) bad(path_of(where, key), "unknown status '" + s + "'");
  return *parsed;
}

}  // namespace proctor::runner::json_fields
