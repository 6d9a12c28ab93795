#include "package/generators_manifest.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "fs/read_file.hpp"
#include "package/yaml_error.hpp"
#include "proctor/runner/error.hpp"
#include "text/utf8.hpp"

namespace proctor::runner::package {
namespace fs = std::filesystem;

namespace {

bool valid_name(const std::string& name) {
  if (name.empty() || name[0] == '.' || name.size() > 128) return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

void collect(const fs::path& manifest, const YAML::Node& dir_node, const std::string& dir,
             std::vector<GeneratorCase>& out);

void add_case(const fs::path& manifest, const std::string& name, const YAML::Node& value,
              const std::string& dir, std::vector<GeneratorCase>& out) {
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
             std::vector<GeneratorCase>& out) {
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

void read_scaling(GeneratorsManifest& m, const fs::path& root, const YAML::Node& node) {
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

}  // namespace

GeneratorsManifest read_generators_manifest(const fs::path& root) {
  GeneratorsManifest m;
  m.file = root / kGeneratorsManifest;
  std::error_code ec;
  if (!fs::is_regular_file(m.file, ec)) throw UserError(m.file, "missing: no generators manifest");
  YAML::Node doc;
  try {
    doc = YAML::Load(proctor::fs::read_file(m.file, 1 << 20));
  } catch (const YAML::Exception& e) {
    throw malformed_yaml(m.file, e);
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
  for (const GeneratorCase& c : m.cases) {
    if (!seen.insert(c.input).second) throw UserError(m.file, c.input + ": generated twice");
    std::vector<std::string> w = command_words(c.command);
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

std::optional<ScalingFamily> read_scaling_family(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_regular_file(root / kGeneratorsManifest, ec)) return std::nullopt;
  return read_generators_manifest(root).scaling;
}

std::string scaling_input(std::uint64_t n) {
  return "data/scaling/" + std::to_string(n) + ".in";
}

std::vector<std::string> command_words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// generators/<program>, or /<path> from the package root, as BAPCtools writes it.
std::string program_path(const std::string& program) {
  return program[0] == '/' ? program.substr(1) : "generators/" + program;
}

}  // namespace proctor::runner::package
