#pragma once
// Field helpers shared by the result document's writer and reader (result_json.cpp, signals_json.cpp):
// every string written passes through text() (valid UTF-8), and every field read names itself in the
// error, e.g. "not a Proctor result: tests[2].verdict: unknown verdict 'XX'".
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "proctor/runner/instant.hpp"
#include "proctor/runner/signals.hpp"
#include "proctor/runner/verdict.hpp"

namespace proctor::runner::json_fields {

using nlohmann::json;

// --- writing ---
json text(const std::string& s);
json optional_text(const std::optional<std::string>& s);
json optional_int(const std::optional<int>& v);

// --- reading --- `where` is the path of the object read ("" for the top level).
[[noreturn]] void bad(const std::string& where, const std::string& problem);
const json& at(const json& j, const std::string& where, const char* key);
std::string path_of(const std::string& where, const char* key);
std::string item(const std::string& where, const char* key, std::size_t i);  // "tests[2]"
std::string get_string(const json& j, const std::string& where, const char* key);
std::optional<std::string> get_optional_string(const json& j, const std::string& where, const char* key);
std::uint64_t get_u64(const json& j, const std::string& where, const char* key);
std::optional<int> get_optional_int(const json& j, const std::string& where, const char* key);
double get_number(const json& j, const std::string& where, const char* key);
bool get_bool(const json& j, const std::string& where, const char* key);
Instant get_time(const json& j, const std::string& where, const char* key);
const json& get_array(const json& j, const std::string& where, const char* key);
Verdict get_verdict(const json& j, const std::string& where, const char* key);
SignalStatus get_signal_status(const json& j, const std::string& where, const char* key);

}  // namespace proctor::runner::json_fields
