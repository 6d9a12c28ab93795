#pragma once
// Watches one running child until it ends: exact CPU and wall limits, seccomp violations.
#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "outcome.hpp"

namespace proctor::sandbox {

struct SuperviseInput {
  pid_t pid = -1;
  int notify_fd = -1;  // seccomp listener, -1 if none
  std::uint64_t cpu_limit_ms = 0;
  std::uint64_t wall_limit_ms = 0;
  unsigned parallelism = 1;  // how many CPUs the run can use at once (threads+1, or the core count)
  std::chrono::steady_clock::time_point started;
  std::function<std::uint64_t()> cpu_ns;  // CPU of the whole run so far
  std::function<void()> kill_all;         // kills every process of the run
  // The filter sends exit/exit_group here (SeccompProgram's notify_exit): read the program's own
  // memory peak (VmHWM) while its memory still exists, before each exit and before a limit kill.
  bool measure_peak_at_exit = false;
};

struct SuperviseResult {
  KilledFor killed_for = KilledFor::nothing;
  std::optional<std::string> violation;
  int wait_status = 0;
  rusage usage{};
  std::optional<std::uint64_t> peak_kb;  // VmHWM, highest seen (measure_peak_at_exit)
  std::uint64_t wall_us = 0;             // launch to reaping, steady clock
  std::string error;                     // the supervisor itself failed (JE)
};

SuperviseResult supervise(const SuperviseInput& input);

}  // namespace proctor::sandbox
