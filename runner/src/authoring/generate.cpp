// `proctor exercise generate`: runs the generators of the manifest (package/generators_manifest.hpp for
// its format) and writes the inputs, the answers and the checksum list.
//
// The checksum list, generators/checksums.sha256: a first line "# inputs <sha256>" over the manifest and
// every generator source, then "<sha256>  <path>" for every generated .in and its .ans.
#include "authoring/generate.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "authoring/answers.hpp"
#include "execute/compile.hpp"
#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "package/generators_manifest.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "text/utf8.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;
using runner::UserError;
using namespace runner::package;

namespace {

// {seed}, {seed:N}, {name}: a seed depends only on the command's text, as in BAPCtools.
std::string substitute(const std::string& command, const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < command.size();) {
    if (command.compare(i, 6, "{name}") == 0) {
      out += name;
      i += 6;
    } else if (command.compare(i, 5, "{seed") == 0 && command.find('}', i) != std::string::npos) {
      std::size_t close = command.find('}', i);
      std::string variant = command.substr(i + 5, close - i - 5);  // "" or ":N"
      std::string digest = runner::sha256_hex(command + "\n" + variant);
      out += std::to_string(std::stoul(digest.substr(0, 8), nullptr, 16) & 0x7fffffffUL);
      i = close + 1;
    } else {
      out += command[i++];
    }
  }
  return out;
}

std::string inputs_digest(const fs::path& root, const GeneratorsManifest& m) {
  std::string all = "manifest\n" + runner::file_sha256(m.file) + "\n";
  for (const std::string& p : m.programs) all += p + "\n" + runner::file_sha256(root / p) + "\n";
  return runner::sha256_hex(all);
}

std::string ans_of(const std::string& input) {
  return input.substr(0, input.size() - 3) + ".ans";
}

std::string checksum_list(const fs::path& root, const GeneratorsManifest& m) {
  std::string out = "# inputs " + inputs_digest(root, m) + "\n";
  for (const GeneratorCase& c : m.cases) {
    out += runner::file_sha256(root / c.input) + "  " + c.input + "\n";
    if (c.answer) out += runner::file_sha256(root / ans_of(c.input)) + "  " + ans_of(c.input) + "\n";
  }
  return out;
}

void run_generator(sandbox::Sandbox& sandbox, const fs::path& binary, const std::vector<std::string>& args,
                   const fs::path& work, const fs::path& out, const std::string& what) {
  sandbox::Policy policy;
  policy.profile = sandbox::Profile::checker;
  policy.argv = {binary.string()};
  policy.argv.insert(policy.argv.end(), args.begin(), args.end());
  policy.stdout_path = out;
  policy.stderr_path = work / "stderr";
  policy.work_dir = work;
  policy.limits.cpu_ms = 30'000;
  policy.limits.wall_ms = 60'000;
  policy.limits.memory_kb = 2 * 1024 * 1024;
  policy.limits.output_bytes = runner::kMaxPackageFileBytes;
  policy.limits.processes = 1;
  const sandbox::RunReport r = sandbox.run(policy);
  if (r.status == sandbox::Status::je)
    throw runner::InternalError(what + ": could not run the generator: " + r.error);
  if (r.status != sandbox::Status::ok || r.exit_code.value_or(0) != 0) {
    std::string err = proctor::fs::read_prefix(work / "stderr", 300).bytes;
    throw UserError(what + ": the generator failed (" + std::string(sandbox::to_string(r.status)) +
                    (r.exit_code ? ", exit code " + std::to_string(*r.exit_code) : "") + ")" +
                    (err.empty() ? "" : ": " + text::valid_utf8(err)));
  }
}

}  // namespace

std::vector<std::string> stale_data(const fs::path& root) {
  const fs::path list = root / kChecksumList;
  std::error_code ec;
  if (!fs::is_regular_file(list, ec)) return {};
  const std::string hint = " (run: proctor exercise generate " + root.string() + ")";
  std::vector<std::string> problems;
  try {
    GeneratorsManifest m = read_generators_manifest(root);
    std::istringstream in(proctor::fs::read_file(list, 1 << 22));
    std::string line;
    std::getline(in, line);
    if (line != "# inputs " + inputs_digest(root, m))
      problems.push_back(list.string() +
                         ": the manifest or a generator changed since the data were generated" + hint);
    std::set<std::string> listed;
    for (; std::getline(in, line);) {
      if (line.size() < 67) continue;
      const std::string sum = line.substr(0, 64), rel = line.substr(66);
      listed.insert(rel);
      if (!fs::is_regular_file(root / rel, ec)) {
        problems.push_back((root / rel).string() + ": missing: generated data" + hint);
      } else if (runner::file_sha256(root / rel) != sum) {
        problems.push_back((root / rel).string() + ": stale: differs from what the generators made" + hint);
      }
    }
    for (const GeneratorCase& c : m.cases) {
      if (!listed.count(c.input))
        problems.push_back((root / c.input).string() + ": not generated yet" + hint);
    }
  } catch (const UserError& e) {
    problems.push_back(e.what());
  }
  return problems;
}

GenerateReport generate_data(sandbox::Sandbox& sandbox, const fs::path& dir, const GenerateOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw UserError(dir, "is not an exercise directory");
  const fs::path root = fs::canonical(dir);
  GenerateReport report;
  if (options.if_stale && fs::exists(root / kChecksumList) && stale_data(root).empty()) {
    report.up_to_date = true;
    return report;
  }
  const GeneratorsManifest m = read_generators_manifest(root);
  report.cases = m.cases.size();

  sandbox::TempDir build("proctor-generate");
  std::map<std::string, fs::path> binaries;
  std::size_t n = 0;
  for (const std::string& prog : m.programs) {
    const fs::path out_dir = build.path() / ("gen-" + std::to_string(n++));
    fs::create_directories(out_dir);
    runner::CompileOutcome c =
        runner::compile_validator(sandbox, (root / prog).parent_path(), out_dir, {root / prog});
    if (c.result.status == runner::CompileStatus::JE)
      throw runner::InternalError("compiling " + prog + ": " + c.error);
    if (c.result.status != runner::CompileStatus::OK) {
      const std::string& o = c.result.output;
      throw UserError(root / prog,
                      "the generator does not compile:\n" + o.substr(0, text::utf8_cut(o, 2000)));
    }
    binaries[prog] = c.binary;
  }
  const fs::path work = build.path() / "work";
  fs::create_directories(work);
  // Every input is made before any is written: a failing case leaves the package as it was.
  std::vector<fs::path> outputs;
  for (std::size_t i = 0; i < m.cases.size(); ++i) {
    const GeneratorCase& c = m.cases[i];
    const std::string name = fs::path(c.input).stem().string();
    std::vector<std::string> w = command_words(substitute(c.command, name));
    const std::string prog = program_path(w[0]);
    w.erase(w.begin());
    outputs.push_back(build.path() / ("case-" + std::to_string(i)));
    run_generator(sandbox, binaries.at(prog), w, work, outputs.back(), (root / c.input).string());
  }
  for (std::size_t i = 0; i < m.cases.size(); ++i) {
    const fs::path target = root / m.cases[i].input;
    const std::string bytes = proctor::fs::read_file(outputs[i], runner::kMaxPackageFileBytes);
    if (fs::is_regular_file(target, ec) &&
        proctor::fs::read_file(target, runner::kMaxPackageFileBytes) == bytes)
      continue;
    fs::create_directories(target.parent_path());
    proctor::fs::atomic_write(target, bytes);
    report.changed.push_back(m.cases[i].input);
  }
  // Answers for every test, generated or not, from the reference (the manifest's, or the default one).
  const AnswersReport answers =
      regenerate_answers(sandbox, root, m.solution.empty() ? fs::path() : root / m.solution);
  report.reference = answers.reference;
  proctor::fs::atomic_write(root / kChecksumList, checksum_list(root, m));
  return report;
}

}  // namespace proctor::authoring
