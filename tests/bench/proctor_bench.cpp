// scripts/bench: the sandbox's per-run cost against bare fork+exec+wait4 of the same static binary,
// and grading throughput, as ratios measured in one run (absolute times on shared machines are noise).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "proctor/runner/exercise.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/sandbox/launch.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

fs::path compile(const fs::path& dir, const std::string& name, const std::string& source) {
  write(dir / (name + ".c"), source);
  std::string cmd = "gcc -O2 -static -o " + (dir / name).string() + " " + (dir / (name + ".c")).string();
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("gcc failed");
  fs::permissions(dir / name, fs::perms::all & ~fs::perms::group_write & ~fs::perms::others_write);
  return dir / name;
}

// The baseline: what any launcher must at least pay.
double bare_ms(const fs::path& bin, int runs, const char* input = nullptr) {
  auto start = Clock::now();
  for (int i = 0; i < runs; ++i) {
    pid_t pid = fork();
    if (pid == 0) {
      if (input) {
        int fd = open(input, O_RDONLY);
        dup2(fd, 0);
        int out = open("/dev/null", O_WRONLY);
        dup2(out, 1);
      }
      execl(bin.c_str(), bin.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    int status;
    rusage ru;
    wait4(pid, &status, 0, &ru);
  }
  return ms_since(start) / runs;
}

double sandbox_ms(proctor::sandbox::Sandbox& sandbox, const fs::path& bin, int runs,
                  proctor::sandbox::Namespaces ns, std::string& layers) {
  proctor::sandbox::Policy p;
  p.argv = {bin.string()};
  p.namespaces = ns;
  auto start = Clock::now();
  for (int i = 0; i < runs; ++i) {
    auto r = sandbox.run(p);
    if (r.status != proctor::sandbox::Status::ok) throw std::runtime_error("sandboxed run failed: " + r.error);
    if (i == 0) layers = proctor::sandbox::to_json(r.layers).dump();
  }
  return ms_since(start) / runs;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 300;
  const int tests = argc > 2 ? std::atoi(argv[2]) : 500;
  char tmpl[] = "/tmp/proctor-bench-XXXXXX";
  fs::path dir = mkdtemp(tmpl);
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  const fs::path trivial = compile(dir, "trivial", "int main(void){return 0;}\n");
  const char* cat_source =
      "#include <stdio.h>\nint main(void){int c; while((c=getchar())!=EOF) putchar(c); return 0;}\n";
  proctor::sandbox::Sandbox sandbox;

  // Warm up caches (page cache, seccomp program) so that neither side pays first-use costs.
  bare_ms(trivial, 20);
  std::string layers, ns_layers;
  sandbox_ms(sandbox, trivial, 20, proctor::sandbox::Namespaces::off, layers);

  // Interleaved rounds: load changes on a shared machine hit both sides alike.
  double bare = 0, boxed = 0, boxed_ns = 0;
  const int rounds = 5;
  for (int r = 0; r < rounds; ++r) {
    bare += bare_ms(trivial, runs / rounds);
    boxed += sandbox_ms(sandbox, trivial, runs / rounds, proctor::sandbox::Namespaces::off, layers);
    boxed_ns += sandbox_ms(sandbox, trivial, runs / rounds, proctor::sandbox::Namespaces::on, ns_layers);
  }
  bare /= rounds;
  boxed /= rounds;
  boxed_ns /= rounds;
  std::printf("## Per run of a trivial static binary (%d runs each, interleaved)\n\n", runs);
  std::printf("| launcher | ms per run | ratio to bare |\n|---|---|---|\n");
  std::printf("| bare fork+exec+wait4 | %.3f | 1.00 |\n", bare);
  std::printf("| proctor program profile (seccomp + Landlock + rlimits + cgroup) | %.3f | %.2f |\n", boxed,
              boxed / bare);
  std::printf("| the same with namespaces on | %.3f | %.2f |\n\n", boxed_ns, boxed_ns / bare);
  std::printf("layers: %s\nlayers with namespaces: %s\n\n", layers.c_str(), ns_layers.c_str());

  // Grading throughput: one exercise with many tiny tests and a cat-like solution.
  const fs::path ex = dir / "many-tests";
  fs::create_directories(ex / "data" / "sample");
  fs::create_directories(ex / "data" / "secret");
  write(ex / "exercise.json",
        R"({"id":"many-tests","title":"Echo","kind":"program","language":"c","duration_minutes":30,)"
        R"("limits":{"time_ms":1000,"memory_mb":64,"output_kb":64},"checker":{"type":"tokens"}})");
  write(ex / "statement.md", "Echo the input.\n");
  write(ex / "data" / "sample" / "1.in", "hello\n");
  write(ex / "data" / "sample" / "1.ans", "hello\n");
  for (int i = 0; i < tests; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d", i);
    write(ex / "data" / "secret" / (std::string(name) + ".in"), std::to_string(i) + " tiny\n");
    write(ex / "data" / "secret" / (std::string(name) + ".ans"), std::to_string(i) + " tiny\n");
  }
  write(dir / "cat.c", cat_source);
  const fs::path cat = compile(dir, "cat", cat_source);
  const std::string input = (ex / "data" / "secret" / "0000.in").string();
  auto exercise = proctor::runner::load_exercise(ex);
  proctor::runner::GradeOptions options;
  auto start = Clock::now();
  auto result = proctor::runner::grade(sandbox, exercise, dir / "cat.c", options);
  const double total = ms_since(start);
  const double compile_ms = result["compile"]["duration_ms"].get<double>();
  const std::size_t graded = result["tests"].size();
  const double per_test = (total - compile_ms) / static_cast<double>(graded);
  const double bare_cat = bare_ms(cat, 200, input.c_str());
  std::printf("## Grading %zu tiny tests of a cat-like program (--jobs = cores)\n\n", graded);
  std::printf("| measure | ms | ratio |\n|---|---|---|\n");
  std::printf("| verdict %s, whole grade | %.1f | |\n", result["verdict"].get<std::string>().c_str(), total);
  std::printf("| compile (excluded below) | %.1f | |\n", compile_ms);
  std::printf("| per test: sandboxed run + check, in parallel | %.3f | %.2f |\n", per_test, per_test / bare_cat);
  std::printf("| per run: bare sequential fork+exec+wait4 of the same program | %.3f | 1.00 |\n\n", bare_cat);

  // End to end: each bundled exercise's reference solution.
  if (argc > 3) {
    std::printf("## End to end: grading each bundled exercise's reference (compile included)\n\n");
    std::printf("| exercise | tests | verdict | seconds |\n|---|---|---|---|\n");
    std::vector<fs::path> packages;
    for (const auto& e : fs::directory_iterator(argv[3])) {
      if (fs::exists(e.path() / "submissions" / "accepted" / "ref.c")) packages.push_back(e.path());
    }
    std::sort(packages.begin(), packages.end());
    for (const auto& p : packages) {
      auto ex2 = proctor::runner::load_exercise(p);
      auto t = Clock::now();
      auto r = proctor::runner::grade(sandbox, ex2, p / "submissions" / "accepted" / "ref.c", options);
      std::printf("| %s | %zu | %s | %.2f |\n", ex2.id.c_str(), r["tests"].size(),
                  r["verdict"].get<std::string>().c_str(), ms_since(t) / 1000);
    }
  }
  fs::remove_all(dir);
  return 0;
}
