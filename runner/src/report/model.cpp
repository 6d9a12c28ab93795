#include "report/model.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "session/clock.hpp"

namespace proctor::report {
namespace {

using nlohmann::json;

const json& field(const json& j, const char* key) {
  static const json null_value;
  if (!j.is_object()) return null_value;
  auto it = j.find(key);
  return it == j.end() ? null_value : *it;
}

std::string str(const json& j, const char* key) {
  const json& v = field(j, key);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  return "";
}

std::optional<std::uint64_t> u64(const json& j, const char* key) {
  const json& v = field(j, key);
  if (v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0))
    return v.get<std::uint64_t>();
  if (v.is_number_float() && v.get<double>() >= 0)
    return static_cast<std::uint64_t>(std::llround(v.get<double>()));
  return std::nullopt;
}

std::optional<int> int_of(const json& j, const char* key) {
  const json& v = field(j, key);
  if (v.is_number_integer()) return v.get<int>();
  return std::nullopt;
}

std::optional<double> num(const json& j, const char* key) {
  const json& v = field(j, key);
  if (v.is_number()) return v.get<double>();
  return std::nullopt;
}

std::optional<long long> between(const std::string& from, const std::string& to) {
  try {
    if (from.empty() || to.empty()) return std::nullopt;
    return (session::from_iso(to) - session::from_iso(from)).count();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A diff may be a plain string or an object of labelled parts (expected/actual, first difference...).
std::vector<std::pair<std::string, std::string>> diff_parts(const json& d) {
  std::vector<std::pair<std::string, std::string>> parts;
  if (d.is_string()) {
    if (!d.get<std::string>().empty()) parts.emplace_back("diff", d.get<std::string>());
  } else if (d.is_object()) {
    for (const auto& [key, value] : d.items()) {
      if (value.is_null()) continue;
      parts.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump(2));
    }
  } else if (!d.is_null()) {
    parts.emplace_back("diff", d.dump(2));
  }
  return parts;
}

TestRow test_row(const json& t) {
  TestRow row;
  row.name = str(t, "name");
  row.group = str(t, "group");
  row.visibility = str(t, "visibility");
  row.verdict = str(t, "verdict");
  row.message = str(t, "message");
  row.violation = str(t, "violation");
  row.time_ms = u64(t, "time_ms");
  row.wall_ms = u64(t, "wall_ms");
  row.memory_kb = u64(t, "memory_kb");
  row.exit_code = int_of(t, "exit_code");
  row.signal = int_of(t, "signal");
  row.diff = diff_parts(field(t, "diff"));
  return row;
}

SessionView session_view(const json& s) {
  SessionView v;
  v.id = str(s, "id");
  v.candidate = str(s, "candidate");
  v.started_at = str(s, "started_at");
  v.deadline = str(s, "deadline");
  v.finished_at = str(s, "finished_at");
  v.finished_by = str(s, "finished_by");
  v.length_ms = between(v.started_at, v.deadline);
  v.finished_ms = between(v.started_at, v.finished_at);
  v.package_changed = field(s, "package_changed").is_boolean() && field(s, "package_changed").get<bool>();
  const json& timeline = field(s, "timeline");
  if (!timeline.is_array()) return v;
  for (const json& e : timeline) {
    TimelineRow row;
    row.n = int_of(e, "n").value_or(0);
    row.submitted_at = str(e, "submitted_at");
    row.offset_ms = between(v.started_at, row.submitted_at);
    row.late = field(e, "late").is_boolean() && field(e, "late").get<bool>();
    row.sample_passed = int_of(e, "sample_passed");
    row.sample_total = int_of(e, "sample_total");
    row.verdict = str(e, "verdict");
    row.sha256 = str(e, "sha256");
    (row.late ? v.late : v.on_time) += 1;
    bool all_samples =
        !row.late && row.sample_total && *row.sample_total > 0 && row.sample_passed == row.sample_total;
    if (all_samples && !v.first_pass_n) {
      v.first_pass_n = row.n;
      v.first_pass_ms = row.offset_ms;
    }
    v.timeline.push_back(row);
  }
  return v;
}

void add_layer(Model& m, const std::string& name, const std::string& state, bool ok) {
  m.sandbox.emplace_back(name, state);
  m.sandbox_ok.push_back(ok);
}

void sandbox_layers(Model& m, const json& sb) {
  if (!sb.is_object()) return;
  const json& seccomp = field(sb, "seccomp");
  add_layer(m, "seccomp", seccomp.is_boolean() && seccomp.get<bool>() ? "on" : "off",
            seccomp.is_boolean() && seccomp.get<bool>());
  auto abi = int_of(sb, "landlock_abi").value_or(0);
  add_layer(m, "Landlock", abi > 0 ? "ABI " + std::to_string(abi) : "off", abi > 0);
  std::string ns;
  if (field(sb, "namespaces").is_array()) {
    for (const json& n : field(sb, "namespaces")) {
      if (!n.is_string()) continue;
      ns += (ns.empty() ? "" : ", ") + n.get<std::string>();
    }
  }
  // Not a weakness by itself: the program profile runs without namespaces on purpose (seccomp and
  // Landlock cover it), so "none" is not flagged.
  add_layer(m, "namespaces", ns.empty() ? "none" : ns, true);
  std::string cgroup = str(sb, "cgroup");
  add_layer(m, "cgroup", cgroup.empty() ? "none" : cgroup, !cgroup.empty() && cgroup != "none");
  std::string mem = str(sb, "memory_limit");
  add_layer(m, "memory limit", mem.empty() ? "none" : mem, !mem.empty() && mem != "none");
  std::string proc = str(sb, "process_limit");
  add_layer(m, "process limit", proc.empty() ? "none" : proc, !proc.empty() && proc != "none");
  const json& drop = field(sb, "privileges_dropped");
  add_layer(m, "privileges dropped", drop.is_boolean() && drop.get<bool>() ? "yes" : "no",
            drop.is_boolean() && drop.get<bool>());
  const json& insecure = field(sb, "insecure");
  if (insecure.is_boolean() && insecure.get<bool>())
    add_layer(m, "INSECURE", "file system not confined", false);
}

}  // namespace

std::string verdict_label(const std::string& v) {
  if (v == "AC") return "Accepted";
  if (v == "WA") return "Wrong answer";
  if (v == "TLE") return "Time limit exceeded";
  if (v == "MLE") return "Memory limit exceeded";
  if (v == "RTE") return "Runtime error";
  if (v == "OLE") return "Output limit exceeded";
  if (v == "SV") return "Security violation";
  if (v == "CE") return "Compilation error";
  if (v == "JE") return "Judge error";
  return v.empty() ? "No verdict" : v;
}

std::string format_ms(std::optional<std::uint64_t> ms) {
  if (!ms) return "-";
  char buf[32];
  if (*ms < 10000) {
    std::snprintf(buf, sizeof buf, "%llu ms", static_cast<unsigned long long>(*ms));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(*ms) / 1000.0);
  }
  return buf;
}

std::string format_kb(std::optional<std::uint64_t> kb) {
  if (!kb) return "-";
  char buf[32];
  if (*kb < 1024) {
    std::snprintf(buf, sizeof buf, "%llu KB", static_cast<unsigned long long>(*kb));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(*kb) / 1024.0);
  }
  return buf;
}

std::string format_offset(std::optional<long long> ms) {
  if (!ms) return "?";
  long long s = *ms < 0 ? 0 : *ms / 1000;
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "+%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "+%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}

std::string format_number(std::optional<double> v) {
  if (!v) return "?";
  char buf[32];
  if (std::fabs(*v - std::round(*v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", *v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", *v);
  }
  return buf;
}

std::string format_timestamp(const std::string& iso) {
  if (iso.empty()) return "";
  try {
    auto ms = session::from_iso(iso).time_since_epoch().count();
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
  } catch (const std::exception&) {
    return iso;
  }
}

Model build_model(const json& r) {
  Model m;
  m.verdict = str(r, "verdict");
  m.verdict_label = verdict_label(m.verdict);
  const json& score = field(r, "score");
  m.passed = num(score, "passed");
  m.total = num(score, "total");
  m.points = num(score, "points");
  m.max_points = num(score, "max_points");
  const json& ex = field(r, "exercise");
  m.exercise_id = str(ex, "id");
  m.exercise_title = str(ex, "title");
  m.exercise_path = str(ex, "path");
  m.exercise_sha256 = str(ex, "sha256");
  const json& sub = field(r, "submission");
  m.submission_path = str(sub, "path");
  m.submission_sha256 = str(sub, "sha256");
  m.submission_bytes = u64(sub, "bytes");
  const json& compile = field(r, "compile");
  m.compile_status = str(compile, "status");
  m.compile_output = str(compile, "output");
  m.compile_ms = u64(compile, "duration_ms");
  if (field(compile, "command").is_array()) {
    for (const json& a : field(compile, "command")) {
      if (a.is_string()) m.compile_command += (m.compile_command.empty() ? "" : " ") + a.get<std::string>();
    }
  }
  if (field(compile, "warnings").is_array()) {
    for (const json& w : field(compile, "warnings")) {
      m.warnings.push_back({int_of(w, "line"), int_of(w, "column"), str(w, "message"), str(w, "option")});
    }
  }
  if (field(r, "tests").is_array()) {
    for (const json& t : field(r, "tests")) m.tests.push_back(test_row(t));
  }
  const json& limits = field(r, "limits");
  if (limits.is_object()) {
    m.limits.emplace_back("CPU time", format_ms(u64(limits, "time_ms")));
    m.limits.emplace_back("wall time", format_ms(u64(limits, "wall_ms")));
    auto mb = u64(limits, "memory_mb");
    m.limits.emplace_back("memory", mb ? std::to_string(*mb) + " MB" : "-");
    auto kb = u64(limits, "output_kb");
    m.limits.emplace_back("output", kb ? std::to_string(*kb) + " KB" : "-");
  }
  sandbox_layers(m, field(r, "sandbox"));
  const json& runner = field(r, "runner");
  m.runner_version = str(runner, "version");
  m.compiler = str(runner, "compiler");
  m.started_at = str(r, "started_at");
  m.finished_at = str(r, "finished_at");
  if (field(r, "session").is_object()) m.session = session_view(field(r, "session"));
  return m;
}

}  // namespace proctor::report
