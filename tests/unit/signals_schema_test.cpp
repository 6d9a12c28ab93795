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
  runner::ComplexityEvidence cx;
  cx.unit = "cpu-time-us";
  cx.fallback_reason = "perf_event_open: No such file or directory";
  cx.repeat = 3;
  cx.candidate.solution = "submission";
  cx.reference.solution = "accepted/ref.c";
  for (std::uint64_t n : {100, 200, 400}) {
    const double x = static_cast<double>(n);
    cx.candidate.points.push_back({n, 1000 + x * x, {1, 2, 3}, ""});
    cx.reference.points.push_back({n, 1000 + 3 * x, {4, 5, 6}, ""});
  }
  cx.candidate.points.push_back({800, std::nullopt, {}, "TLE: CPU time 1012 ms exceeded the limit"});
  cx.reference.points.push_back({800, 3400.5, {3400, 3401}, ""});
  cx.candidate.fit = runner::GrowthFit{2.0, runner::GrowthModel::n2, 1000, 1, 0.01};
  cx.reference.fit = runner::GrowthFit{1.0, runner::GrowthModel::n, 1000, 3, 0.02};
  cx.sentence =
      "The submission's cost grows like n^2.0 (closest model n^2); the reference's grows like n^1.0.";
  cx.grows_faster = true;
  cx.duration_ms = 2100;
  s.complexity = cx;
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
  ASSERT_TRUE(back.signals->complexity);
  const runner::ComplexityEvidence& cx = *back.signals->complexity;
  EXPECT_EQ(cx.candidate.points.at(3).failure, "TLE: CPU time 1012 ms exceeded the limit");
  EXPECT_FALSE(cx.candidate.points.at(3).cost);
  ASSERT_TRUE(cx.candidate.fit && cx.reference.fit);
  EXPECT_EQ(cx.candidate.fit->model, runner::GrowthModel::n2);
  EXPECT_TRUE(cx.grows_faster);
}

// A pass that could not measure (a package problem) carries its status and note, and no fits.
TEST(SignalsDocument, AComplexityPassThatFailedSaysWhy) {
  runner::GradeResult r = graded();
  r.signals = runner::Signals{};
  runner::ComplexityEvidence failed;
  failed.status = runner::SignalStatus::failed;
  failed.note = "data/scaling/100.in: not generated yet";
  r.signals->complexity = failed;
  const json doc = runner::to_json(r);
  EXPECT_TRUE(matches_result_schema(doc));
  EXPECT_EQ(doc["signals"]["complexity"]["status"], "failed");
  EXPECT_TRUE(doc["signals"]["complexity"]["candidate"]["fit"].is_null());
  EXPECT_EQ(runner::to_json(runner::result_from_json(doc)), doc);
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
  const json bad_model =
      broken([](json& d) { d["signals"]["complexity"]["candidate"]["fit"]["model"] = "n^4"; });
  const json bad_unit = broken([](json& d) { d["signals"]["complexity"]["unit"] = "seconds"; });
  const json no_sentence = broken([](json& d) { d["signals"]["complexity"].erase("sentence"); });
  const json negative_sample =
      broken([](json& d) { d["signals"]["complexity"]["reference"]["points"][0]["samples"][0] = -1; });
  for (const json* doc : {&bad_origin, &bad_status, &no_line, &unknown_kind, &zero_count, &bad_model,
                          &bad_unit, &no_sentence, &negative_sample}) {
    EXPECT_FALSE(matches_result_schema(*doc)) << doc->at("signals").dump();
  }
  for (const json* doc : {&bad_origin, &bad_status, &no_line, &bad_model, &no_sentence, &negative_sample}) {
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
