// The result document's "signals" block: the writer's output matches docs/result.schema.json, the
// reader gives back what the writer wrote, and malformed blocks are refused by both.
#include <gtest/gtest.h>

#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "schema_check.hpp"

namespace {

using nlohmann::json;
namespace runner = proctor::runner;

runner::GradeResult graded() {
  runner::GradeResult r;
  r.verdict = runner::Verdict::AC;
  r.exercise = {"sum-two", "Sum two numbers", "/srv/sum-two", std::string(64, 'a')};
  r.submission = {"solution.c", std::string(64, 'b'), 10};
  r.compile.status = runner::CompileStatus::OK;
  r.limits = {1000, 3000, 256, 8192};
  r.runner = {"0.1.0", "gcc 12.2.0"};
  runner::TestResult t;
  t.name = "secret/01";
  t.group = "secret";
  t.verdict = runner::Verdict::AC;
  r.tests.push_back(t);
  return r;
}

runner::Signals some_signals() {
  runner::Signals s;
  runner::SanitizerSignal san;
  san.status = runner::SignalStatus::ran;
  san.duration_ms = 812;
  san.tests_run = 3;
  san.tests_total = 5;
  san.note = "time budget reached after 3 of 5 tests";
  runner::SanitizerFinding f;
  f.tool = "address";
  f.kind = "heap-buffer-overflow";
  f.message = "READ of size 4";
  f.location = runner::SourceLocation{runner::CodeOrigin::submission, "submission.c", 12, 9, "sum"};
  f.stack = {*f.location, {runner::CodeOrigin::harness, "harness.c", 30, 5, "main"}};
  f.first_test = "secret/01";
  f.tests = 2;
  san.findings.push_back(f);
  runner::SanitizerFinding leak;
  leak.tool = "leak";
  leak.kind = "memory-leak";
  leak.first_test = "sample/1";
  san.findings.push_back(leak);  // no location: the leak's frames were all in the C library
  san.silenced = 1;
  s.sanitizer = san;
  runner::StaticSignal an;
  an.status = runner::SignalStatus::ran;
  an.duration_ms = 1500;
  an.findings.push_back({"-Wanalyzer-double-free",
                         {runner::CodeOrigin::submission, "submission.c", 7, 3, "release"},
                         "double-'free' of 'p'"});
  an.warnings.push_back({"-Wunused-variable", 2, {3, 9}});
  an.warnings.push_back({"", 1, {4}});
  s.analysis = an;
  return s;
}

TEST(SignalsDocument, WrittenSignalsMatchTheSchemaAndReadBackTheSame) {
  runner::GradeResult r = graded();
  r.signals = some_signals();
  const json doc = runner::to_json(r);
  ASSERT_TRUE(doc.contains("signals"));
  EXPECT_TRUE(matches_result_schema(doc));
  const runner::GradeResult back = runner::result_from_json(doc);
  ASSERT_TRUE(back.signals && back.signals->sanitizer && back.signals->analysis);
  EXPECT_EQ(runner::to_json(back), doc);
  const auto& f = back.signals->sanitizer->findings.at(0);
  EXPECT_EQ(f.kind, "heap-buffer-overflow");
  ASSERT_TRUE(f.location);
  EXPECT_EQ(f.location->line, 12);
  EXPECT_EQ(f.stack.at(1).origin, runner::CodeOrigin::harness);
  EXPECT_FALSE(back.signals->sanitizer->findings.at(1).location);
  EXPECT_EQ(back.signals->analysis->warnings.at(0).lines, (std::vector<int>{3, 9}));
}

TEST(SignalsDocument, AbsentWhenNotCollected) {
  const json doc = runner::to_json(graded());
  EXPECT_FALSE(doc.contains("signals"));
  EXPECT_TRUE(matches_result_schema(doc));
  EXPECT_FALSE(runner::result_from_json(doc).signals);
}

TEST(SignalsDocument, OnlyTheCollectedKindsArePresent) {
  runner::GradeResult r = graded();
  r.signals = runner::Signals{};
  r.signals->analysis = some_signals().analysis;
  const json doc = runner::to_json(r);
  EXPECT_FALSE(doc["signals"].contains("sanitizer"));
  EXPECT_TRUE(matches_result_schema(doc));
}

TEST(SignalsSchema, RefusesMalformedSignals) {
  runner::GradeResult r = graded();
  r.signals = some_signals();
  const json good = runner::to_json(r);
  auto broken = [&](auto edit) {
    json doc = good;
    edit(doc);
    return doc;
  };
  const json bad_origin =
      broken([](json& d) { d["signals"]["sanitizer"]["findings"][0]["location"]["origin"] = "libc"; });
  const json bad_status = broken([](json& d) { d["signals"]["analysis"]["status"] = "maybe"; });
  const json no_line =
      broken([](json& d) { d["signals"]["analysis"]["findings"][0]["location"].erase("line"); });
  const json unknown_kind = broken([](json& d) { d["signals"]["astrology"] = json::object(); });
  const json zero_count = broken([](json& d) { d["signals"]["analysis"]["warnings"][0]["count"] = 0; });
  for (const json* doc : {&bad_origin, &bad_status, &no_line, &unknown_kind, &zero_count}) {
    EXPECT_FALSE(matches_result_schema(*doc)) << doc->at("signals").dump();
  }
  for (const json* doc : {&bad_origin, &bad_status, &no_line}) {
    try {
      runner::result_from_json(*doc);
      ADD_FAILURE() << "read " << doc->at("signals").dump();
    } catch (const runner::UserError& e) {
      EXPECT_NE(std::string(e.what()).find("signals."), std::string::npos) << e.what();
    }
  }
}

TEST(SignalsSpec, SilencedKindsMatchWithOrWithoutTheDash) {
  runner::SignalsSpec spec;
  spec.silence = {"memory-leak", "Wanalyzer-malloc-leak", "-Wunused-parameter"};
  EXPECT_TRUE(spec.silenced("memory-leak"));
  EXPECT_TRUE(spec.silenced("-Wanalyzer-malloc-leak"));
  EXPECT_TRUE(spec.silenced("Wunused-parameter"));
  EXPECT_FALSE(spec.silenced("heap-buffer-overflow"));
  EXPECT_FALSE(spec.silenced("-Wanalyzer-double-free"));
}

}  // namespace
