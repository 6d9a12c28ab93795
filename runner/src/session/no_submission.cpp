#include "session/no_submission.hpp"

#include "proctor/runner/error.hpp"

namespace proctor::session {

nlohmann::json no_submission_result(const runner::Exercise& exercise, const Session& session, Instant started,
                                    Instant finished) {
  using nlohmann::json;
  double max_points = 0;
  for (const auto& t : exercise.samples) max_points += t.points;
  for (const auto& t : exercise.secrets) max_points += t.points;
  std::uint64_t wall =
      exercise.limits.wall_ms ? *exercise.limits.wall_ms : 3 * exercise.limits.time_ms + 1000;
  return json{{"schema", "proctor-result/1"},
              {"verdict", "CE"},
              {"score",
               {{"passed", 0},
                {"total", exercise.samples.size() + exercise.secrets.size()},
                {"points", 0},
                {"max_points", max_points}}},
              {"exercise",
               {{"id", exercise.id},
                {"title", exercise.title},
                {"path", exercise.root.string()},
                {"sha256", session.package_sha256}}},
              // The empty submission: nothing was received, so its hash is the hash of nothing.
              {"submission", {{"path", ""}, {"sha256", runner::sha256_hex("")}, {"bytes", 0}}},
              {"compile",
               {{"status", "CE"},
                {"duration_ms", 0},
                {"command", json::array()},
                {"output", "no submission: the candidate submitted nothing before the session ended"},
                {"warnings", json::array()}}},
              {"tests", json::array()},
              {"limits",
               {{"time_ms", exercise.limits.time_ms},
                {"wall_ms", wall},
                {"memory_mb", exercise.limits.memory_mb},
                {"output_kb", exercise.limits.output_kb}}},
              // Nothing ran, so no isolation layer was used; the block says so rather than claiming any.
              {"sandbox",
               {{"seccomp", false},
                {"landlock_abi", 0},
                {"namespaces", json::array()},
                {"cgroup", "none"},
                {"memory_limit", "none"},
                {"process_limit", "none"},
                {"privileges_dropped", false},
                {"insecure", false}}},
              {"runner", {{"version", PROCTOR_VERSION}, {"compiler", ""}}},
              {"started_at", to_iso(started)},
              {"finished_at", to_iso(finished)}};
}

}  // namespace proctor::session
