// Names of the signal enums, one place for the result document and the reports.
#include "proctor/runner/signals.hpp"

#include <algorithm>

#include "proctor/runner/exercise.hpp"

namespace proctor::runner {

const char* to_string(SignalStatus status) {
  switch (status) {
    case SignalStatus::ran:
      return "ran";
    case SignalStatus::skipped:
      return "skipped";
    case SignalStatus::failed:
      return "failed";
  }
  return "failed";
}

std::optional<SignalStatus> signal_status_from_string(const std::string& s) {
  for (SignalStatus v : {SignalStatus::ran, SignalStatus::skipped, SignalStatus::failed}) {
    if (s == to_string(v)) return v;
  }
  return std::nullopt;
}

const char* to_string(CodeOrigin origin) {
  switch (origin) {
    case CodeOrigin::submission:
      return "submission";
    case CodeOrigin::harness:
      return "harness";
    case CodeOrigin::other:
      return "other";
  }
  return "other";
}

std::optional<CodeOrigin> code_origin_from_string(const std::string& s) {
  for (CodeOrigin v : {CodeOrigin::submission, CodeOrigin::harness, CodeOrigin::other}) {
    if (s == to_string(v)) return v;
  }
  return std::nullopt;
}

const char* to_string(GrowthModel model) {
  switch (model) {
    case GrowthModel::constant:
      return "1";
    case GrowthModel::log_n:
      return "log n";
    case GrowthModel::n:
      return "n";
    case GrowthModel::n_log_n:
      return "n log n";
    case GrowthModel::n2:
      return "n^2";
    case GrowthModel::n3:
      return "n^3";
  }
  return "?";
}

std::optional<GrowthModel> growth_model_from_string(const std::string& text) {
  for (GrowthModel m : {GrowthModel::constant, GrowthModel::log_n, GrowthModel::n, GrowthModel::n_log_n,
                        GrowthModel::n2, GrowthModel::n3}) {
    if (text == to_string(m)) return m;
  }
  return std::nullopt;
}

// "-Wanalyzer-double-free" and "Wanalyzer-double-free" name the same kind: authors write either.
bool SignalsSpec::silenced(const std::string& kind) const {
  auto bare = [](const std::string& k) { return k.rfind('-', 0) == 0 ? k.substr(1) : k; };
  return std::any_of(silence.begin(), silence.end(),
                     [&](const std::string& s) { return bare(s) == bare(kind); });
}

}  // namespace proctor::runner
