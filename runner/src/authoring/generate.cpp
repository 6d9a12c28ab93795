// The manifest, generators/generators.yaml (a subset of BAPCtools'):
//
//   solution: /submissions/accepted/ref.c      # optional; the answers' reference (default: as `answers`)
//   data:
//     secret:
//       data:
//         - "09": gen.c 9 40 4               # <case name>: <program under generators/> <arguments>
//         - big:
//             generate: gen.c {seed} 100000  # the same, long form
//         small:                             # a nested map is a test group, data/secret/small/
//           data: {"01": gen.c {seed:2} 10}
//
//   scaling:                               # optional: a scaling family (complexity evidence)
//     generate: gen.c {seed} {n} 5          # {n} becomes each size
//     sizes: [1000, 2000, 4000, 8000, 16000]
//     repeat: 3                             # optional: runs per size, the median is kept
//
// A scaling family's inputs go to data/scaling/<n>.in, without answers: only their cost is measured.
//
// `{seed}` and `{seed:N}` become a number derived from the command's text (SHA-256), `{name}` the case
// name, so a case's input depends on nothing but the manifest and the generator's source. Generators
// are C or C++ files, compiled and run in the sandbox's checker profile; their stdout is the input.
// Cases whose value is empty are hand-written ones and are left alone.
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
#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "grade/compile.hpp"
#include "package/yaml_error.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "proctor/sandbox/launch.hpp"
#include "proctor/sandbox/temp_dir.hpp"
#include "text/utf8.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;
using runner::UserError;

namespace {

struct Case {
  std::string input;    // "data/secret/09.in", relative to the package
  std::string command;  // as written ({n} already replaced in a scaling case)
  bool answer = true;   // a scaling input has no answer
};

bool valid_name(const std::string& name) {
  if (name.empty() || name[0] == '.' || name.size() > 128) return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

void collect(const fs::path& manifest, const YAML::Node& dir_node, const std::string& dir,
             std::vector<Case>& out);

void add_case(const fs::path& manifest, const std::string& name, const YAML::Node& value,
              const std::string& dir, std::vector<Case>& out) {
  if (!valid_name(name)) {
    throw UserError(manifest, "case name \"" + text::valid_utf8(name) + "\" under " + dir +
                                  " is not a plain file name (A-Z a-z 0-9 . _ -)");
  }
  if (!value || value.IsNull()) return;  // hand-written
  if (value.IsScalar()) {
    out.push_back({dir + "/" + name + ".in", value.Scalar()});
  } else if (value.IsMap() && value["data"]) {
    collect(manifest, value, dir + "/" + name, out);
  } else if (value.IsMap() && value["generate"] && value["generate"].IsScalar()) {
    out.push_back({dir + "/" + name + ".in", value["generate"].Scalar()});
  } else if (value.IsMap() && (value["in"] || value["copy"])) {
    throw UserError(manifest,
                    dir + "/" + name + ": \"in\" and \"copy\" cases are not supported; commit the file");
  } else {
    throw UserError(manifest, dir + "/" + name + ": expected a command, {generate: command} or {data: ...}");
  }
}

void collect(const fs::path& manifest, const YAML::Node& dir_node, const std::string& dir,
             std::vector<Case>& out) {
  if (!dir_node.IsMap()) throw UserError(manifest, dir + " must be a mapping with \"data\"");
  const YAML::Node data = dir_node["data"];
  if (!data || data.IsNull()) return;
  if (data.IsMap()) {
    for (const auto& item : data) add_case(manifest, item.first.Scalar(), item.second, dir, out);
  } else if (data.IsSequence()) {
    for (const YAML::Node& entry : data) {
      if (!entry.IsMap())
        throw UserError(manifest, dir + ": every list entry must be a mapping name: command");
      for (const auto& item : entry) add_case(manifest, item.first.Scalar(), item.second, dir, out);
    }
  } else {
    throw UserError(manifest, dir + ": \"data\" must be a mapping or a list");
  }
}

struct Manifest {
  fs::path file;
  std::string solution;  // relative to the package, empty: the default reference
  std::vector<Case> cases;
  std::optional<ScalingFamily> scaling;
  std::set<std::string> programs;  // relative to generators/
};

std::vector<std::string> words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// generators/<program>, or /<path> from the package root, as BAPCtools writes it.
std::string program_path(const std::string& program) {
  return program[0] == '/' ? program.substr(1) : "generators/" + program;
}

std::uint64_t positive_number(const fs::path& file, const YAML::Node& node, const std::string& what,
                              std::uint64_t max) {
  const std::string text = node.IsScalar() ? node.Scalar() : "";
  std::uint64_t value = 0;
  const bool digits = !text.empty() && text.size() <= 12 &&
                      std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
  if (digits) value = std::stoull(text);
  if (!digits || value == 0 || value > max) {
    throw UserError(file, what + " must be a whole number from 1 to " + std::to_string(max) + ", not \"" +
                              text::valid_utf8(text) + "\"");
  }
  return value;
}

void read_scaling(Manifest& m, const fs::path& root, const YAML::Node& node) {
  if (!node.IsMap()) throw UserError(m.file, "scaling must be a mapping with generate and sizes");
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    if (key != "generate" && key != "sizes" && key != "repeat")
      throw UserError(m.file, "scaling." + text::valid_utf8(key) + " is unknown (generate, sizes, repeat)");
  }
  const YAML::Node generate = node["generate"], sizes = node["sizes"];
  if (!generate || !generate.IsScalar() || generate.Scalar().find("{n}") == std::string::npos)
    throw UserError(m.file, "scaling.generate must be a generator command containing {n}");
  if (!sizes || !sizes.IsSequence() || sizes.size() < kMinScalingSizes || sizes.size() > kMaxScalingSizes) {
    throw UserError(m.file, "scaling.sizes must list " + std::to_string(kMinScalingSizes) + " to " +
                                std::to_string(kMaxScalingSizes) + " sizes");
  }
  ScalingFamily family;
  family.command = generate.Scalar();
  if (node["repeat"])
    family.repeat = static_cast<unsigned>(positive_number(m.file, node["repeat"], "scaling.repeat", 15));
  for (const YAML::Node& size : sizes) {
    const std::uint64_t n = positive_number(m.file, size, "every scaling size", 1'000'000'000'000ULL);
    if (!family.sizes.empty() && n <= family.sizes.back())
      throw UserError(m.file, "scaling.sizes must grow strictly (" + std::to_string(n) + " after " +
                                  std::to_string(family.sizes.back()) + ")");
    family.sizes.push_back(n);
    family.inputs.push_back(root / scaling_input(n));
    std::string command = family.command;
    for (std::size_t at; (at = command.find("{n}")) != std::string::npos;)
      command.replace(at, 3, std::to_string(n));
    m.cases.push_back({scaling_input(n), command, false});
  }
  family.reference = m.solution.empty() ? fs::path() : root / m.solution;
  m.scaling = std::move(family);
}

Manifest read_manifest(const fs::path& root) {
  Manifest m;
  m.file = root / kGeneratorsManifest;
  std::error_code ec;
  if (!fs::is_regular_file(m.file, ec)) throw UserError(m.file, "missing: no generators manifest");
  YAML::Node doc;
  try {
    doc = YAML::Load(proctor::fs::read_file(m.file, 1 << 20));
  } catch (const YAML::Exception& e) {
    throw runner::package::malformed_yaml(m.file, e);
  }
  if (!doc.IsMap()) throw UserError(m.file, "top level must be a mapping");
  if (doc["solution"]) {
    std::string s = doc["solution"].Scalar();
    m.solution = s.empty() || s[0] != '/' ? s : s.substr(1);
  }
  const YAML::Node data = doc["data"];
  if ((data || !doc["scaling"]) && (!data || !data.IsMap()))
    throw UserError(m.file, "\"data\" must map sample/secret to their cases");
  if (data)
    for (const auto& top : data) {
      const std::string name = top.first.Scalar();
      if (name != "sample" && name != "secret")
        throw UserError(m.file, "data/" + text::valid_utf8(name) + ": only sample and secret are generated");
      collect(m.file, top.second, "data/" + name, m.cases);
    }
  if (const YAML::Node scaling = doc["scaling"]) read_scaling(m, root, scaling);
  std::set<std::string> seen;
  for (const Case& c : m.cases) {
    if (!seen.insert(c.input).second) throw UserError(m.file, c.input + ": generated twice");
    std::vector<std::string> w = words(c.command);
    if (w.empty()) throw UserError(m.file, c.input + ": empty command");
    std::string prog = program_path(w[0]);
    if (prog.find("..") != std::string::npos)
      throw UserError(m.file, c.input + ": program path leaves the package");
    const std::string ext = fs::path(prog).extension().string();
    if (ext != ".c" && ext != ".cc" && ext != ".cpp") {
      throw UserError(m.file, c.input + ": generator \"" + text::valid_utf8(w[0]) +
                                  "\" is not supported (C or C++ source files only)");
    }
    if (!fs::is_regular_file(root / prog, ec))
      throw UserError(root / prog, "missing: generator named by " + c.input);
    m.programs.insert(prog);
  }
  return m;
}

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

std::string inputs_digest(const fs::path& root, const Manifest& m) {
  std::string all = "manifest\n" + runner::file_sha256(m.file) + "\n";
  for (const std::string& p : m.programs) all += p + "\n" + runner::file_sha256(root / p) + "\n";
  return runner::sha256_hex(all);
}

std::string ans_of(const std::string& input) {
  return input.substr(0, input.size() - 3) + ".ans";
}

std::string checksum_list(const fs::path& root, const Manifest& m) {
  std::string out = "# inputs " + inputs_digest(root, m) + "\n";
  for (const Case& c : m.cases) {
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

std::string scaling_input(std::uint64_t n) {
  return "data/scaling/" + std::to_string(n) + ".in";
}

std::optional<ScalingFamily> read_scaling_family(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_regular_file(root / kGeneratorsManifest, ec)) return std::nullopt;
  return read_manifest(root).scaling;
}

std::vector<std::string> stale_data(const fs::path& root) {
  const fs::path list = root / kChecksumList;
  std::error_code ec;
  if (!fs::is_regular_file(list, ec)) return {};
  const std::string hint = " (run: proctor exercise generate " + root.string() + ")";
  std::vector<std::string> problems;
  try {
    Manifest m = read_manifest(root);
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
    for (const Case& c : m.cases) {
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
  const Manifest m = read_manifest(root);
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
    const Case& c = m.cases[i];
    const std::string name = fs::path(c.input).stem().string();
    std::vector<std::string> w = words(substitute(c.command, name));
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
