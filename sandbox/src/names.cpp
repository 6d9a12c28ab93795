// String forms of the sandbox's enums, as they appear in JSON and on the command line.
#include <nlohmann/json.hpp>

#include "proctor/sandbox/policy.hpp"
#include "proctor/sandbox/run_report.hpp"

namespace proctor::sandbox {

const char* to_string(Profile profile) {
  switch (profile) {
    case Profile::program:
      return "program";
    case Profile::compile:
      return "compile";
    case Profile::checker:
      return "checker";
    case Profile::sanitizer:
      return "sanitizer";
  }
  return "?";
}

std::optional<Profile> profile_from_string(const std::string& name) {
  if (name == "program") return Profile::program;
  if (name == "compile") return Profile::compile;
  if (name == "checker") return Profile::checker;
  if (name == "sanitizer") return Profile::sanitizer;
  return std::nullopt;
}

const char* to_string(Status status) {
  switch (status) {
    case Status::ok:
      return "OK";
    case Status::tle:
      return "TLE";
    case Status::mle:
      return "MLE";
    case Status::rte:
      return "RTE";
    case Status::ole:
      return "OLE";
    case Status::sv:
      return "SV";
    case Status::je:
      return "JE";
  }
  return "?";
}

std::optional<Status> status_from_string(std::string_view text) {
  for (Status s : {Status::ok, Status::tle, Status::mle, Status::rte, Status::ole, Status::sv, Status::je})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

nlohmann::json to_json(const Layers& layers) {
  return {{"seccomp", layers.seccomp},
          {"landlock_abi", layers.landlock_abi},
          {"namespaces", layers.namespaces},
          {"cgroup", layers.cgroup},
          {"memory_limit", layers.memory_limit},
          {"memory_peak", layers.memory_peak},
          {"process_limit", layers.process_limit},
          {"privileges_dropped", layers.privileges_dropped},
          {"insecure", layers.insecure}};
}

const char* to_string(Cost::Unit unit) {
  switch (unit) {
    case Cost::Unit::instructions:
      return "instructions";
    case Cost::Unit::task_clock_ns:
      return "task-clock-ns";
    case Cost::Unit::cpu_time_us:
      return "cpu-time-us";
  }
  return "?";
}

nlohmann::json to_json(const Cost& cost) {
  nlohmann::json j = {{"unit", to_string(cost.unit)}, {"value", cost.value}};
  if (!cost.fallback_reason.empty()) j["fallback_reason"] = cost.fallback_reason;
  return j;
}

nlohmann::json to_json(const RunReport& r) {
  auto opt = [](const auto& v) -> nlohmann::json { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json j = {{"status", to_string(r.status)},  {"cpu_ms", r.cpu_ms()},
                      {"wall_ms", r.wall_ms()},         {"cpu_us", r.cpu_us},
                      {"wall_us", r.wall_us},           {"memory_kb", r.memory_kb},
                      {"exit_code", opt(r.exit_code)},  {"signal", opt(r.signal)},
                      {"violation", opt(r.violation)},  {"limit", opt(r.limit)},
                      {"stdout_bytes", r.stdout_bytes}, {"stderr_bytes", r.stderr_bytes},
                      {"layers", to_json(r.layers)}};
  if (!r.error.empty()) j["error"] = r.error;
  if (r.cost) j["cost"] = to_json(*r.cost);
  return j;
}

}  // namespace proctor::sandbox
