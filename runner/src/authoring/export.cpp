// Whitelisted, not blacklisted: only files a candidate is meant to see are copied, so whatever an
// author adds to a package later (generators, notes, solutions under a new name) stays private.
#include "authoring/export.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <system_error>

#include "fs/atomic_write.hpp"
#include "fs/copy_tree.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"

namespace proctor::authoring {
namespace fs = std::filesystem;
using nlohmann::json;
using runner::UserError;

namespace {

// The validator is judge code and stays home, so the pack falls back to the default comparison.
constexpr const char* kCustomWarning =
    "the custom output validator is not exported: the practice pack compares sample output token by token";

void prepare_output(const fs::path& out) {
  std::error_code ec;
  fs::file_status st = fs::symlink_status(out, ec);
  if (!ec && st.type() != fs::file_type::not_found) {
    if (st.type() != fs::file_type::directory) throw UserError(out, "exists and is not a directory");
    if (!fs::is_empty(out, ec) || ec) throw UserError(out, "exists and is not empty; choose a new directory");
  }
  fs::create_directories(out, ec);
  if (ec) throw UserError(out, "cannot create: " + ec.message());
}

// A Kattis package has no exercise.json; the practice pack needs one (it is what `practice` loads).
json kattis_metadata(const runner::Exercise& e, ExportReport& report) {
  json limits = {
      {"time_ms", e.limits.time_ms}, {"memory_mb", e.limits.memory_mb}, {"output_kb", e.limits.output_kb}};
  if (e.limits.wall_ms) limits["wall_ms"] = *e.limits.wall_ms;
  // The pack holds the samples only: their checker is the one that matters (a Kattis test group's
  // validator flags may differ from the package's).
  const runner::CheckerSpec& c = e.samples.empty() ? e.checker : runner::checker_for(e, e.samples.front());
  for (const runner::TestCase& t : e.samples) {
    if (runner::checker_for(e, t) != c) {
      throw UserError(e.root,
                      "the samples' test groups set different output validator flags; a practice "
                      "pack has one checker");
    }
  }
  json checker = {{"type", c.type}};
  if (c.type == "custom") {
    report.warnings.push_back(kCustomWarning);
    checker = {{"type", "tokens"}};
  } else if (e.checker.type != "exact") {
    checker["case_sensitive"] = c.case_sensitive;
    checker["space_change_sensitive"] = c.space_change_sensitive;
    if (c.abs_tolerance) checker["abs"] = *c.abs_tolerance;
    if (c.rel_tolerance) checker["rel"] = *c.rel_tolerance;
  }
  return {{"id", e.id},
          {"title", e.title},
          {"kind", "program"},
          {"language", e.language},
          {"duration_minutes", e.duration_minutes},
          {"limits", limits},
          {"checker", checker},
          {"compile", {{"std", e.compile.std}}}};
}

// What a candidate reads first: which file to edit, how to install Proctor and how to practise.
std::string pack_readme(const runner::Exercise& e, const std::string& edit) {
  std::string r = "# " + e.title + " (practice pack)\n\n";
  r += "The exercise is in `statement.md`. ";
  if (e.kind == runner::ExerciseKind::function) {
    r += "Write the function it asks for in `" + edit +
         "`: the harness in `include/c/` reads each test's input, calls your function and prints what it "
         "returns (read it to see the input format). A `main` of your own, for your own tests, is ignored.\n";
  } else {
    r += "Write your program in `" + edit +
         "`: it reads a test's input on stdin and writes the answer on stdout.\n";
  }
  r += "\nLimits: " + std::to_string(e.limits.time_ms) + " ms CPU time, " +
       std::to_string(e.limits.memory_mb) +
       " MiB of memory per test; compiled with gcc -std=" + e.compile.std + ".\n";
  r += "\n## Install Proctor (Debian 12 or Ubuntu)\n\n";
  r += "Proctor comes as a Debian package, `proctor_VERSION_amd64.deb`, from whoever gave you this pack:\n\n";
  r += "    sudo apt install ./proctor_*.deb\n\n";
  r += "## Practise\n\nIn this directory:\n\n";
  r += "    proctor practice . " + edit +
       "                 # the sample tests: diffs, your program's output\n";
  r += "    proctor practice . " + edit + " --input my.txt  # one run on your own input (- reads stdin)\n";
  r += "    proctor practice . " + edit + " --watch         # run the samples again on every save\n\n";
  r += "Your program runs as it will in the interview: the same compiler, sandbox and limits, on the sample\n"
       "tests in `data/sample/` (the interview adds hidden tests).\n";
  return r;
}

void list_files(const fs::path& root, const fs::path& dir, std::vector<std::string>& out) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out.push_back(entry.path().lexically_relative(root).generic_string());
  }
}

}  // namespace

ExportReport export_practice_pack(const fs::path& dir, const fs::path& out) {
  // Loaded without secrets: data/secret is never even listed, let alone copied.
  const runner::Exercise e = runner::load_exercise(dir, {.include_secret = false});
  if (e.statement.empty()) throw UserError(dir, "has no statement to export");
  prepare_output(out);
  ExportReport report;

  auto copy_file = [&](const fs::path& from, const fs::path& to) {
    proctor::fs::atomic_write(out / to, proctor::fs::read_file(from, runner::kMaxPackageFileBytes));
  };
  if (e.format == "proctor" && e.checker.type != "custom") {
    copy_file(e.root / "exercise.json", "exercise.json");
  } else if (e.format == "proctor") {
    json meta = json::parse(proctor::fs::read_file(e.root / "exercise.json"));
    meta["checker"] = {{"type", "tokens"}};
    report.warnings.push_back(kCustomWarning);
    proctor::fs::atomic_write(out / "exercise.json", meta.dump(2) + "\n");
  } else {
    const json meta = kattis_metadata(e, report);
    proctor::fs::atomic_write(out / "exercise.json", meta.dump(2) + "\n");
  }
  copy_file(e.statement, "statement.md");
  if (!e.starter.empty()) copy_file(e.starter, "starter.c");
  fs::create_directories(out / "data");
  proctor::fs::copy_tree(e.root / "data" / "sample", out / "data" / "sample");
  // The docs promise that everything under include/ is visible to candidates; `practice` needs the
  // harness of a function exercise to build anything at all.
  std::error_code ec;
  if (fs::is_directory(e.root / "include", ec)) proctor::fs::copy_tree(e.root / "include", out / "include");

  report.edit = e.starter.empty() ? "solution.c" : "starter.c";
  proctor::fs::atomic_write(out / "README.md", pack_readme(e, report.edit));

  list_files(out, out, report.files);
  std::sort(report.files.begin(), report.files.end());
  // Proof that the pack works for practice, before anyone hands it out.
  try {
    runner::load_exercise(out, {.include_secret = false});
  } catch (const UserError& err) {
    throw runner::InternalError(std::string("the exported pack does not load: ") + err.what());
  }
  return report;
}

}  // namespace proctor::authoring
