// `proctor exercise generate` on a scaffolded package with a generator: deterministic (twice, and in
// another copy, byte for byte), answers from the reference, and `validate` noticing stale data.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "c_program.hpp"
#include "cli.hpp"

namespace {

namespace fs = std::filesystem;
using proctor::test::read_text;
using proctor::test::run_cli;
using proctor::test::shell_quote;
using proctor::test::TempDirectory;
using proctor::test::write_text;

// n pseudo-random integers from a seed (a tiny LCG: the output depends on the arguments only).
constexpr const char* kGenerator = R"(#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  if (argc != 3) return 2;
  unsigned long long x = strtoull(argv[1], 0, 10) * 2654435761ULL + 1;
  int n = atoi(argv[2]);
  printf("%d\n", n);
  for (int i = 0; i < n; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    printf("%s%lld", i ? " " : "", (long long)(x >> 33) % 2000000001LL - 1000000000LL);
  }
  printf("\n");
  return 0;
}
)";

constexpr const char* kManifest = R"(solution: /submissions/accepted/ref.c
data:
  secret:
    data:
      - big-1: gen.c {seed} 50000
      - big-2:
          generate: gen.c {seed:2} 50000
      - fixed: gen.c 7 10
      - handwritten:
      - group:
          data:
            "01": gen.c {seed} 3
)";

std::map<std::string, std::string> data_files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir / "data")) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = read_text(e.path());
  }
  out["checksums"] = read_text(dir / "generators/checksums.sha256");
  return out;
}

class Generate : public ::testing::Test {
 protected:
  TempDirectory tmp;
  fs::path make(const std::string& id) {
    auto r = run_cli("exercise new " + id + " --dir " + shell_quote(tmp.path().string()));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    const fs::path dir = tmp.path() / id;
    fs::create_directories(dir / "generators");
    write_text(dir / "generators/gen.c", kGenerator);
    write_text(dir / "generators/generators.yaml", kManifest);
    return dir;
  }
  proctor::test::CliResult generate(const fs::path& dir, const std::string& flags = "") {
    return run_cli("exercise generate " + flags + " " + shell_quote(dir.string()));
  }
  proctor::test::CliResult validate(const fs::path& dir) {
    return run_cli("exercise validate --jobs 2 " + shell_quote(dir.string()));
  }
};

TEST_F(Generate, DeterministicAndValidated) {
  const fs::path a = make("gen-a");
  auto first = generate(a);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("4 generated cases (4 changed)"), std::string::npos) << first.output;
  const auto files = data_files(a);
  ASSERT_TRUE(files.count("data/secret/big-1.in") && files.count("data/secret/group/01.ans")) << first.output;
  EXPECT_FALSE(files.count("data/secret/handwritten.in"));
  EXPECT_NE(files.at("data/secret/big-1.in"), files.at("data/secret/big-2.in"));  // {seed} != {seed:2}
  EXPECT_EQ(files.at("data/secret/fixed.in").substr(0, 3), "10\n");

  auto second = generate(a);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("(0 changed)"), std::string::npos) << second.output;
  EXPECT_EQ(data_files(a), files);

  // Another package from the same manifest and generator: the same bytes.
  const fs::path b = make("gen-b");
  ASSERT_EQ(generate(b).exit_code, 0);
  auto other = data_files(b);
  for (const auto& [name, bytes] : files) {
    if (name.rfind("data/secret/", 0) == 0) {
      EXPECT_EQ(other.at(name), bytes) << name;
    }
  }
  auto up_to_date = generate(a, "--if-stale");
  EXPECT_NE(up_to_date.output.find("generated data up to date"), std::string::npos) << up_to_date.output;

  auto valid = validate(a);
  EXPECT_EQ(valid.exit_code, 0) << valid.output;

  // Stale data: a generated input edited by hand, then a generator changed.
  write_text(a / "data/secret/fixed.in", "1\n5\n");
  write_text(a / "data/secret/fixed.ans", "5\n");
  auto stale = validate(a);
  EXPECT_EQ(stale.exit_code, 1) << stale.output;
  EXPECT_NE(stale.output.find("data/secret/fixed.in: stale: differs from what the generators made"),
            std::string::npos)
      << stale.output;
  write_text(a / "generators/gen.c", std::string(kGenerator) + "/* changed */\n");
  auto changed = validate(a);
  EXPECT_NE(changed.output.find("the manifest or a generator changed"), std::string::npos) << changed.output;
  auto regenerated = generate(a, "--if-stale");
  EXPECT_EQ(regenerated.exit_code, 0) << regenerated.output;
  EXPECT_EQ(data_files(a).at("data/secret/fixed.in"), files.at("data/secret/fixed.in"));
  EXPECT_EQ(validate(a).exit_code, 0);
}

TEST_F(Generate, ABrokenGeneratorChangesNothing) {
  const fs::path dir = make("gen-bad");
  write_text(dir / "generators/generators.yaml",
             "data:\n  secret:\n    data:\n      ok: gen.c 1 5\n      bad: gen.c 1\n");
  auto r = generate(dir);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("bad.in: the generator failed"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "data/secret/ok.in"));
  write_text(dir / "generators/generators.yaml", "data:\n  secret:\n    data:\n      x: gen.py 3\n");
  r = generate(dir);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("generator \"gen.py\" is not supported"), std::string::npos) << r.output;
}

TEST_F(Generate, ScalingFamilyInputsWithoutAnswersAndChecked) {
  const fs::path dir = make("gen-scaling");
  write_text(dir / "generators/generators.yaml",
             std::string(kManifest) + "scaling:\n  generate: gen.c {seed} {n}\n  sizes: [10, 20, 40]\n");
  auto r = generate(dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto files = data_files(dir);
  for (const char* n : {"10", "20", "40"}) {
    const std::string in = std::string("data/scaling/") + n + ".in";
    ASSERT_TRUE(files.count(in)) << r.output;
    EXPECT_EQ(files.at(in).substr(0, files.at(in).find('\n')), n);  // the generator got {n}
    EXPECT_FALSE(files.count(std::string("data/scaling/") + n + ".ans"));
    EXPECT_NE(files.at("checksums").find(in), std::string::npos);
  }
  EXPECT_EQ(validate(dir).exit_code, 0);
  write_text(dir / "data/scaling/20.in", "20\n1\n");
  auto stale = validate(dir);
  EXPECT_EQ(stale.exit_code, 1) << stale.output;
  EXPECT_NE(stale.output.find("data/scaling/20.in: stale"), std::string::npos) << stale.output;
}

TEST_F(Generate, BadScalingFamiliesAreOneLineErrors) {
  const fs::path dir = make("gen-scaling-bad");
  const std::pair<const char*, const char*> cases[] = {
      {"scaling:\n  generate: gen.c 1 5\n  sizes: [1, 2, 3]\n",
       "scaling.generate must be a generator command containing {n}"},
      {"scaling:\n  generate: gen.c 1 {n}\n  sizes: [1, 2]\n", "scaling.sizes must list 3 to 12 sizes"},
      {"scaling:\n  generate: gen.c 1 {n}\n  sizes: [1, 4, 3]\n",
       "scaling.sizes must grow strictly (3 after 4)"},
      {"scaling:\n  generate: gen.c 1 {n}\n  sizes: [1, 2, x]\n",
       "every scaling size must be a whole number"},
      {"scaling:\n  generate: gen.c 1 {n}\n  sizes: [1, 2, 3]\n  repeat: 0\n",
       "scaling.repeat must be a whole number from 1 to 15"},
      {"scaling:\n  generate: gen.c 1 {n}\n  sizes: [1, 2, 3]\n  step: 2\n", "scaling.step is unknown"},
  };
  for (const auto& [manifest, message] : cases) {
    write_text(dir / "generators/generators.yaml", manifest);
    auto r = generate(dir);
    EXPECT_EQ(r.exit_code, 2) << manifest << r.output;
    EXPECT_NE(r.output.find("generators.yaml: " + std::string(message)), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
}

}  // namespace
