#pragma once
// The performance counter behind Policy::cost: its attributes (the child opens it on itself, see
// child.cpp), the parent's one-time probe, and the supervisor's read after the run is reaped.
#include <linux/perf_event.h>

#include <cstdint>
#include <optional>
#include <string>

#include "proctor/sandbox/policy.hpp"

namespace proctor::sandbox {

// Counts only what the program does after exec, in user space, summed over the threads it starts.
perf_event_attr cost_counter_attr(CostMeasure measure);

// Opens the counter on the calling thread once and closes it: empty when this machine can count
// `measure`, otherwise why not ("perf_event_open: No such file or directory (no hardware PMU ...)").
std::string probe_cost_counter(CostMeasure measure);

// The counter's final value, scaled when the kernel had to multiplex it; nullopt with `why` set when
// it cannot be read.
std::optional<std::uint64_t> read_cost_counter(int fd, std::string& why);

// The perf_event_open error as one line, with the likely cause for the errors that have one.
std::string describe_counter_error(int error);

}  // namespace proctor::sandbox
