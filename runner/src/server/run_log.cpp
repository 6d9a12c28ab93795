#include "server/run_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include "proctor/runner/error.hpp"

namespace proctor::server {

using nlohmann::json;

namespace {
std::filesystem::path log_file(const session::SessionFiles& files) {
  return files.dir / "runs.jsonl";
}
}  // namespace

json to_json(const RunRecord& r) {
  json j{{"at", session::to_iso(r.at)},
         {"kind", r.kind == RunKind::samples ? "samples" : "input"},
         {"compile", runner::to_string(r.compile_status)}};
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

void RunLog::append(const session::SessionFiles& files, const RunRecord& record) {
  std::string line = to_json(record).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mutex_);
  int fd = ::open(log_file(files).c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw runner::InternalError("cannot open " + log_file(files).string());
  ssize_t n = ::write(fd, line.data(), line.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(line.size())) throw runner::InternalError("cannot append to the run log");
}

std::vector<json> RunLog::read(const session::SessionFiles& files) const {
  std::lock_guard lock(mutex_);
  std::vector<json> out;
  std::ifstream in(log_file(files));
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line, nullptr, false);
    if (j.is_object()) out.push_back(std::move(j));
  }
  return out;
}

}  // namespace proctor::server
