#pragma once
// What a report shows, read tolerantly from a result document: any field may be missing (older
// results, results of `proctor grade` without a session), and the renderers only deal with this view.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace proctor::report {

struct TestRow {
  std::string name, group, visibility, verdict, message, violation;
  std::optional<std::uint64_t> time_ms, wall_ms, memory_kb;
  std::optional<int> exit_code, signal;
  std::vector<std::pair<std::string, std::string>> diff;  // labelled parts (samples only)
};

struct WarningRow {
  std::optional<int> line, column;
  std::string message, option;
};

struct TimelineRow {
  int n = 0;
  std::string submitted_at;
  std::optional<long long> offset_ms;  // since the session started
  bool late = false;
  std::optional<int> sample_passed, sample_total;
  std::string verdict;  // empty: not graded
  std::string sha256;
};

struct SessionView {
  std::string id, candidate, started_at, deadline, finished_at, finished_by;
  std::optional<long long> length_ms;    // deadline - started_at
  std::optional<long long> finished_ms;  // finished_at - started_at
  bool package_changed = false;
  std::vector<TimelineRow> timeline;
  int on_time = 0, late = 0;
  std::optional<long long> first_pass_ms;  // first submission passing every sample
  std::optional<int> first_pass_n;
};

struct Model {
  std::string verdict, verdict_label;
  std::optional<double> passed, total, points, max_points;
  std::string exercise_id, exercise_title, exercise_path, exercise_sha256;
  std::string submission_path, submission_sha256;
  std::optional<std::uint64_t> submission_bytes;
  std::string compile_status, compile_output, compile_command;
  std::optional<std::uint64_t> compile_ms;
  std::vector<WarningRow> warnings;
  std::vector<TestRow> tests;
  std::vector<std::pair<std::string, std::string>> limits;   // label, value
  std::vector<std::pair<std::string, std::string>> sandbox;  // layer, state
  std::vector<bool> sandbox_ok;                              // parallel to sandbox: active?
  std::string runner_version, compiler, started_at, finished_at;
  std::optional<SessionView> session;
};

Model build_model(const nlohmann::json& result);

// Shared formatting, identical in every format.
std::string verdict_label(const std::string& verdict);
std::string format_ms(std::optional<std::uint64_t> ms);
std::string format_kb(std::optional<std::uint64_t> kb);
std::string format_offset(std::optional<long long> ms);  // "+12:05"
std::string format_number(std::optional<double> v);      // 3, 2.5, "?"
// "2025-03-01 09:30:00 UTC" from an RFC 3339 timestamp; the input unchanged when it does not parse.
std::string format_timestamp(const std::string& iso);

}  // namespace proctor::report
