#include "session/run_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <string>

#include "proctor/runner/error.hpp"
#include "session/clock.hpp"

namespace proctor::session {

using nlohmann::json;
using runner::RunKind;
using runner::RunRecord;

namespace {

std::filesystem::path log_file(const SessionFiles& files) {
  return files.dir / "runs.jsonl";
}

// Appends and reads of this process do not interleave (a reader never sees half of a line this process
// is writing); other processes only ever read the file.
std::mutex& log_mutex() {
  static std::mutex m;
  return m;
}

std::optional<int> count(const json& j, const char* key) {
  if (!j.contains(key)) return std::nullopt;
  if (!j[key].is_number_integer()) throw std::invalid_argument(key);
  return j[key].get<int>();
}

template <typename T, typename Parse>
std::optional<T> named(const json& j, const char* key, Parse parse) {
  if (!j.contains(key)) return std::nullopt;
  if (!j[key].is_string()) throw std::invalid_argument(key);
  std::optional<T> v = parse(j[key].get<std::string>());
  if (!v) throw std::invalid_argument(key);
  return v;
}

}  // namespace

json to_json(const RunRecord& r) {
  json j{{"at", to_iso(r.at)},
         {"kind", r.kind == RunKind::samples ? "samples" : "input"},
         {"compile", runner::to_string(r.compile)}};
  if (r.draft > 0) j["draft"] = r.draft;
  if (r.verdict) j["verdict"] = runner::to_string(*r.verdict);
  if (r.sample_passed) j["sample_passed"] = *r.sample_passed;
  if (r.sample_total) j["sample_total"] = *r.sample_total;
  if (r.status) j["status"] = sandbox::to_string(*r.status);
  if (r.kind == RunKind::samples) {
    json tests = json::array();
    for (const auto& [name, verdict] : r.tests)
      tests.push_back(json{{"name", name}, {"verdict", runner::to_string(verdict)}});
    j["tests"] = tests;
  }
  return j;
}

std::optional<RunRecord> run_from_json(const json& j) {
  if (!j.is_object() || !j.contains("at") || !j["at"].is_string()) return std::nullopt;
  try {
    RunRecord r;
    r.at = from_iso(j["at"].get<std::string>());
    const std::string kind = j.value("kind", "");
    if (kind != "samples" && kind != "input") return std::nullopt;
    r.kind = kind == "samples" ? RunKind::samples : RunKind::input;
    r.draft = count(j, "draft").value_or(0);
    r.compile = named<runner::CompileStatus>(j, "compile", [](const std::string& s) {
                  return runner::compile_status_from_string(s);
                }).value_or(runner::CompileStatus::OK);
    r.verdict = named<runner::Verdict>(j, "verdict",
                                       [](const std::string& s) { return runner::verdict_from_string(s); });
    r.sample_passed = count(j, "sample_passed");
    r.sample_total = count(j, "sample_total");
    r.status = named<sandbox::Status>(j, "status",
                                      [](const std::string& s) { return sandbox::status_from_string(s); });
    if (j.contains("tests")) {
      if (!j["tests"].is_array()) return std::nullopt;
      for (const json& t : j["tests"]) {
        if (!t.is_object() || !t.contains("name") || !t["name"].is_string()) return std::nullopt;
        auto v = named<runner::Verdict>(t, "verdict",
                                        [](const std::string& s) { return runner::verdict_from_string(s); });
        if (!v) return std::nullopt;
        r.tests.emplace_back(t["name"].get<std::string>(), *v);
      }
    }
    return r;
  } catch (const std::exception&) {
    return std::nullopt;  // a value of the wrong type or spelling: not a run
  }
}

void append_run(const SessionFiles& files, const RunRecord& run) {
  const std::string line = to_json(run).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  std::lock_guard lock(log_mutex());
  int fd = ::open(log_file(files).c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw runner::InternalError("cannot open " + log_file(files).string());
  ssize_t n = ::write(fd, line.data(), line.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(line.size())) throw runner::InternalError("cannot append to the run log");
}

std::vector<RunRecord> read_runs(const SessionFiles& files) {
  std::lock_guard lock(log_mutex());
  std::vector<RunRecord> out;
  std::ifstream in(log_file(files));
  for (std::string line; std::getline(in, line);) {
    if (auto run = run_from_json(json::parse(line, nullptr, false))) out.push_back(std::move(*run));
  }
  return out;
}

}  // namespace proctor::session
