// Input validators run in the checker profile (no network, writes only to their own directory), one
// test at a time: the sandbox hands them the input as stdin, opened by the runner.
#include "authoring/input_validation.hpp"

#include "execute/compile.hpp"
#include "fs/read_file.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "text/utf8.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;

namespace {

// The validator's first line of explanation, for the problem message.
std::string first_line(const fs::path& file) {
  std::string text = proctor::fs::read_prefix(file, 400).bytes;
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  text = text.substr(start);
  std::size_t nl = text.find('\n');
  if (nl != std::string::npos) text = text.substr(0, nl);
  return text::valid_utf8(text.substr(0, text::utf8_cut(text, 200)));
}

}  // namespace

std::vector<std::string> check_inputs(sandbox::Sandbox& sandbox, const runner::Exercise& exercise) {
  std::vector<std::string> problems;
  std::vector<const runner::TestCase*> tests;
  for (const runner::TestCase& t : exercise.samples) tests.push_back(&t);
  for (const runner::TestCase& t : exercise.secrets) tests.push_back(&t);
  for (const runner::InputValidator& v : exercise.input_validators) {
    if (!v.unsupported.empty()) {
      problems.push_back(v.dir.string() + ": " + v.unsupported);
      continue;
    }
    sandbox::TempDir build("proctor-input-validator");
    runner::CompileOutcome out = runner::compile_validator(sandbox, v.dir, build.path(), v.sources);
    if (out.result.status != runner::CompileStatus::OK) {
      std::string why = out.error.empty() ? out.result.output : out.error;
      if (why.size() > 300) why = why.substr(0, text::utf8_cut(why, 300)) + "...";
      problems.push_back(v.dir.string() + ": input validator " + v.name + " does not compile: " + why);
      continue;
    }
    const fs::path work = build.path() / "work";
    fs::create_directories(work);
    for (const runner::TestCase* test : tests) {
      sandbox::Policy policy;
      policy.profile = sandbox::Profile::checker;
      policy.argv = {out.binary.string()};
      // A Kattis test group may give the validator its own flags (data/secret/<group>/testdata.yaml).
      auto group_args = test->input_validator_args.find(v.name);
      const std::vector<std::string>& args =
          group_args != test->input_validator_args.end() ? group_args->second : v.args;
      policy.argv.insert(policy.argv.end(), args.begin(), args.end());
      policy.stdin_path = test->input;
      policy.stdout_path = build.path() / "out";
      policy.stderr_path = build.path() / "err";
      policy.work_dir = work;
      policy.limits.cpu_ms = 10'000;
      policy.limits.wall_ms = 20'000;
      policy.limits.memory_kb = 1024 * 1024;
      policy.limits.output_bytes = 1 << 20;
      policy.limits.processes = 1;
      sandbox::RunReport r = sandbox.run(policy);
      if (r.exit_code == 42 && !r.signal) continue;
      std::string said = first_line(build.path() / "err");
      if (said.empty()) said = first_line(build.path() / "out");
      if (r.exit_code == 43 && !r.signal) {
        problems.push_back(test->input.string() + ": rejected by input validator " + v.name +
                           (said.empty() ? "" : ": " + said));
      } else {
        problems.push_back(test->input.string() + ": input validator " + v.name + " failed (" +
                           std::string(sandbox::to_string(r.status)) +
                           (r.exit_code ? ", exit code " + std::to_string(*r.exit_code) : "") +
                           "; expected 42 or 43)" + (said.empty() ? "" : ": " + said));
      }
    }
  }
  return problems;
}

}  // namespace proctor::authoring
