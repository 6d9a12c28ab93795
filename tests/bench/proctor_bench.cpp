// scripts/bench runs this between rounds of tests/bench/floor.c: RUNS sandboxed runs of BINARY with
// the program profile (the default layers), printed as one line "<wall ms per run> <CPU ms per run>
// <layers as JSON>", CPU being this process's and its children's, as floor.c counts it.
// It links the sandbox library only, so it measures what one run costs and nothing of the runner.
//
// Usage: proctor_bench RUNS BINARY [--no-namespaces] [--stdin FILE]
// (--no-namespaces: without the prepared empty root the program profile joins by default)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "proctor/sandbox/launch.hpp"

namespace {

double cpu_ms() {
  rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  double ms = 0;
  for (const timeval* tv : {&self.ru_utime, &self.ru_stime, &children.ru_utime, &children.ru_stime}) {
    ms += static_cast<double>(tv->tv_sec) * 1e3 + static_cast<double>(tv->tv_usec) / 1e3;
  }
  return ms;
}

int usage() {
  std::fprintf(stderr, "usage: proctor_bench RUNS BINARY [--no-namespaces] [--stdin FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const int runs = std::atoi(argv[1]);
  if (runs <= 0) return usage();
  proctor::sandbox::Policy policy;
  policy.argv = {argv[2]};
  for (int i = 3; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-namespaces") == 0) {
      policy.namespaces = proctor::sandbox::Namespaces::off;
    } else if (std::strcmp(argv[i], "--stdin") == 0 && i + 1 < argc) {
      policy.stdin_path = argv[++i];
      policy.stdout_path = "/dev/null";
    } else {
      return usage();
    }
  }

  proctor::sandbox::Sandbox sandbox;
  // The first run pays one-time costs (seccomp program, probes, the first cgroup): not counted.
  proctor::sandbox::RunReport first = sandbox.run(policy);
  if (first.status != proctor::sandbox::Status::ok) {
    std::fprintf(stderr, "proctor_bench: the sandboxed run failed: %s %s\n", to_string(first.status),
                 first.error.c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const double start_cpu = cpu_ms();
  for (int i = 0; i < runs; ++i) {
    proctor::sandbox::RunReport r = sandbox.run(policy);
    if (r.status != proctor::sandbox::Status::ok) {
      std::fprintf(stderr, "proctor_bench: run %d failed: %s %s\n", i, to_string(r.status), r.error.c_str());
      return 1;
    }
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.4f %.4f %s\n", ms / runs, (cpu_ms() - start_cpu) / runs,
              to_json(first.layers).dump().c_str());
  return 0;
}
