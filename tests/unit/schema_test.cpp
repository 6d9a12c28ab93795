// docs/result.schema.json against hand-made documents: one valid result, and invalid ones that must be
// rejected (a leaking secret test above all).
#include <gtest/gtest.h>

#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"
#include "schema_check.hpp"

namespace {

using nlohmann::json;

json valid_result() {
  return json::parse(R"({
    "schema": "proctor-result/1",
    "verdict": "WA",
    "score": {"passed": 2, "total": 3, "points": 2, "max_points": 3},
    "exercise": {"id": "sum-two", "title": "Sum two numbers", "path": "/srv/exercises/sum-two",
                 "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    "submission": {"path": "solution.c",
                   "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "bytes": 312},
    "compile": {"status": "OK", "duration_ms": 120, "command": ["gcc", "-std=gnu17", "-O2", "solution.c"],
                "output": "solution.c:3:5: warning: unused variable 'x' [-Wunused-variable]\n",
                "warnings": [{"line": 3, "column": 5, "message": "unused variable 'x'", "option": "-Wunused-variable"},
                             {"line": 9, "column": 1, "message": "something", "option": null}]},
    "tests": [
      {"name": "sample/1", "group": "sample", "visibility": "sample", "verdict": "AC", "time_ms": 3, "wall_ms": 5,
       "time_us": 3412, "wall_us": 5871, "memory_kb": 1024, "exit_code": 0, "signal": null, "violation": null, "message": ""},
      {"name": "sample/2", "group": "sample", "visibility": "sample", "verdict": "WA", "time_ms": 3, "wall_ms": 5,
       "memory_kb": 1024, "exit_code": 0, "signal": null, "violation": null,
       "message": "token 1 (output line 1, column 1): expected \"3\", got \"4\"",
       "diff": "first difference at line 1, column 1\nexpected 1 | 3⏎\n     got 1 | 4⏎\n"},
      {"name": "secret/group1/01", "group": "secret/group1", "visibility": "secret", "verdict": "TLE",
       "time_ms": 1000, "wall_ms": 1003, "time_us": 1000400, "wall_us": 1003999, "memory_kb": 900, "exit_code": null, "signal": 9, "violation": null,
       "message": "time limit exceeded"},
      {"name": "secret/02", "group": "secret", "visibility": "secret", "verdict": "skipped", "time_ms": 0,
       "wall_ms": 0, "memory_kb": 0, "exit_code": null, "signal": null, "violation": null, "message": ""}
    ],
    "limits": {"time_ms": 1000, "wall_ms": 4000, "memory_mb": 256, "output_kb": 8192},
    "sandbox": {"seccomp": true, "landlock_abi": 3, "namespaces": ["user", "mount", "net"], "cgroup": "v2",
                "memory_limit": "cgroup-v2", "memory_peak": "cgroup-v2", "process_limit": "seccomp", "privileges_dropped": true,
                "insecure": false},
    "runner": {"version": "0.1.0", "compiler": "gcc (Debian 12.2.0-14) 12.2.0"},
    "started_at": "2024-05-01T09:30:00Z",
    "finished_at": "2024-05-01T09:30:02.250+02:00",
    "session": {"id": "k3x9qa", "candidate": "ada", "started_at": "2024-05-01T09:00:00Z", "deadline": "2024-05-01T09:30:00Z",
                "finished_at": null, "extra_field_from_sessions": [1, 2],
                "timeline": [{"n": 1, "submitted_at": "2024-05-01T09:10:00Z",
                              "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                              "late": false, "sample_passed": 1, "sample_total": 2}]}
  })");
}

TEST(ResultSchema, AcceptsAValidDocument) {
  EXPECT_TRUE(matches_result_schema(valid_result()));
}

// The one reader and the one writer agree with the schema: a document read and written again is the
// same document, except for what the schema leaves to writers (timestamps in UTC, fields sessions add).
TEST(ResultDocument, ReadAndWrittenAgainIsTheSameDocument) {
  json doc = valid_result();
  json again = proctor::runner::to_json(proctor::runner::result_from_json(doc));
  EXPECT_TRUE(matches_result_schema(again));
  EXPECT_EQ(again["started_at"], "2024-05-01T09:30:00.000Z");
  EXPECT_EQ(again["finished_at"], "2024-05-01T07:30:02.250Z") << "the same instant, in UTC";
  for (const char* key :
       {"verdict", "score", "exercise", "submission", "compile", "tests", "limits", "sandbox", "runner"}) {
    EXPECT_EQ(again[key], doc[key]) << key;
  }
  EXPECT_EQ(again["session"]["timeline"][0]["sample_total"], 2);
  EXPECT_FALSE(again["session"]["timeline"][0].contains("verdict")) << "not graded: absent, not null";
}

// Whatever bytes the compiler or the program printed, the document serialises and validates.
TEST(ResultDocument, InvalidUtf8IsReplacedInEveryTextField) {
  proctor::runner::GradeResult r = proctor::runner::result_from_json(valid_result());
  const std::string bad = "caf\xc3 \xff\xfe \xe2\x82";  // cut character, invalid bytes, cut at the end
  r.compile.output = bad;
  r.compile.warnings[0].message = bad;
  r.tests[1].diff = bad;
  r.tests[1].message = bad;
  r.exercise.title = bad;
  r.submission.path = bad;
  r.error = bad;
  r.session->candidate = bad;
  json doc = proctor::runner::to_json(r);
  std::string text;
  ASSERT_NO_THROW(text = doc.dump());
  EXPECT_EQ(doc["compile"]["output"], "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd");
  EXPECT_EQ(doc["tests"][1]["diff"], doc["compile"]["output"]);
  EXPECT_EQ(doc["session"]["candidate"], doc["compile"]["output"]);
  EXPECT_TRUE(matches_result_schema(doc));
}

TEST(ResultDocument, ASecretTestNeverCarriesADiff) {
  proctor::runner::GradeResult r = proctor::runner::result_from_json(valid_result());
  r.tests[2].diff = "expected 42";
  EXPECT_FALSE(proctor::runner::to_json(r)["tests"][2].contains("diff"));
}

TEST(ResultDocument, ForeignDocumentsAreRefusedNamingTheField) {
  json doc = valid_result();
  doc["tests"][0]["verdict"] = "PE";
  EXPECT_THROW(proctor::runner::result_from_json(doc), proctor::runner::UserError);
  doc = valid_result();
  doc["schema"] = "proctor-result/2";
  try {
    proctor::runner::result_from_json(doc);
    ADD_FAILURE() << "accepted schema 2";
  } catch (const proctor::runner::UserError& e) {
    EXPECT_NE(std::string(e.what()).find("schema"), std::string::npos) << e.what();
  }
}

// sample/2 and secret/02 are as results were written before times were recorded in microseconds: they
// still load, keep only what they know, and are written back without microseconds made up.
TEST(ResultDocument, TimesInMicrosecondsAreKeptAndOldResultsWithoutThemStillLoad) {
  const proctor::runner::GradeResult r = proctor::runner::result_from_json(valid_result());
  EXPECT_EQ(r.tests[0].time.us(), 3412u);
  EXPECT_EQ(r.tests[0].time.ms(), 3u);
  EXPECT_EQ(r.tests[0].wall.us(), 5871u);
  EXPECT_EQ(r.tests[2].time.us(), 1000400u);
  EXPECT_FALSE(r.tests[1].time.us());
  EXPECT_FALSE(r.tests[1].wall.us());
  EXPECT_EQ(r.tests[1].time.ms(), 3u);
  EXPECT_EQ(r.tests[1].wall.ms(), 5u);
  const json again = proctor::runner::to_json(r);
  EXPECT_FALSE(again["tests"][1].contains("time_us"));
  EXPECT_FALSE(again["tests"][1].contains("wall_us"));
  EXPECT_EQ(again["tests"][0]["time_us"], 3412);
}

// A run under a millisecond: time_ms is 0 (what tools reading only milliseconds always saw), time_us
// says how long it really took.
TEST(ResultDocument, ASubMillisecondRunWritesZeroMillisecondsAndItsMicroseconds) {
  proctor::runner::GradeResult r = proctor::runner::result_from_json(valid_result());
  r.tests[0].time = proctor::runner::Elapsed::from_us(612);
  r.tests[0].wall = proctor::runner::Elapsed::from_us(999);
  const json doc = proctor::runner::to_json(r);
  EXPECT_EQ(doc["tests"][0]["time_ms"], 0);
  EXPECT_EQ(doc["tests"][0]["time_us"], 612);
  EXPECT_EQ(doc["tests"][0]["wall_ms"], 0);
  EXPECT_EQ(doc["tests"][0]["wall_us"], 999);
  EXPECT_TRUE(matches_result_schema(doc));
  EXPECT_EQ(proctor::runner::result_from_json(doc).tests[0].time, r.tests[0].time);
}

TEST(ResultDocument, MillisecondsThatContradictTheMicrosecondsAreRefused) {
  json doc = valid_result();
  doc["tests"][0]["time_ms"] = 4;  // time_us is 3412
  try {
    proctor::runner::result_from_json(doc);
    ADD_FAILURE() << "accepted time_ms 4 with time_us 3412";
  } catch (const proctor::runner::UserError& e) {
    EXPECT_NE(std::string(e.what()).find("time_ms"), std::string::npos) << e.what();
  }
}

TEST(ResultSchema, AcceptsACompileErrorWithoutTestsOrSession) {
  json doc = valid_result();
  doc["verdict"] = "CE";
  doc["compile"]["status"] = "CE";
  doc["tests"] = json::array();
  doc["score"] = {{"passed", 0}, {"total", 3}, {"points", 0}, {"max_points", 3}};
  doc.erase("session");
  EXPECT_TRUE(matches_result_schema(doc));
}

// Each case: a label and a document that must not validate. One Python run for all of them.
void expect_rejected(const std::vector<std::pair<std::string, json>>& cases) {
  std::vector<json> docs;
  for (const auto& c : cases) docs.push_back(c.second);
  std::vector<std::string> errors = result_schema_errors(docs);
  ASSERT_EQ(errors.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i)
    EXPECT_FALSE(errors[i].empty()) << "accepted: " << cases[i].first;
}

TEST(ResultSchema, RejectsASecretTestWithADiff) {
  json doc = valid_result();
  doc["tests"][2]["diff"] = "expected 1 | 42⏎";
  auto result = matches_result_schema(doc);
  EXPECT_FALSE(result);
  EXPECT_NE(std::string(result.message()).find("tests/2"), std::string::npos) << result.message();
}

TEST(ResultSchema, RejectsSecretTestData) {
  std::vector<std::pair<std::string, json>> cases;
  const json excerpt = {{"text", "1 2\n"}, {"bytes", 4}, {"truncated", false}};
  for (const char* field : {"input", "stdout", "stderr"}) {
    json doc = valid_result();
    doc["tests"][3][field] = excerpt;
    cases.emplace_back(std::string("secret test with ") + field, doc);
  }
  json doc = valid_result();
  doc["tests"][3]["expected"] = "1 2\n";
  cases.emplace_back("secret test with expected", doc);
  doc = valid_result();
  doc["tests"][2]["visibility"] = "sample";  // name and group still say secret
  doc["tests"][2]["diff"] = "leak";
  cases.emplace_back("secret test disguised as a sample", doc);
  doc = valid_result();
  doc["tests"][2]["output"] = "leak";
  cases.emplace_back("secret test with an unknown field", doc);
  expect_rejected(cases);
}

// A failing sample's input and the start of its stdout and stderr: written, validated, read back.
TEST(ResultSchema, AcceptsExcerptsOnASample) {
  json doc = valid_result();
  doc["tests"][1]["input"] = {{"text", "3 4\n"}, {"bytes", 4}, {"truncated", false}};
  doc["tests"][1]["stdout"] = {{"text", std::string(1024, 'x')}, {"bytes", 90000}, {"truncated", true}};
  doc["tests"][1]["stderr"] = {{"text", ""}, {"bytes", 0}, {"truncated", false}};
  EXPECT_TRUE(matches_result_schema(doc));
  json again = proctor::runner::to_json(proctor::runner::result_from_json(doc));
  EXPECT_EQ(again["tests"][1], doc["tests"][1]);
}

TEST(ResultSchema, RejectsMalformedExcerpts) {
  std::vector<std::pair<std::string, json>> cases;
  auto with = [&](const std::string& label, const json& excerpt) {
    json doc = valid_result();
    doc["tests"][1]["stdout"] = excerpt;
    cases.emplace_back(label, doc);
  };
  with("excerpt as a plain string", "x");
  with("excerpt without truncated", {{"text", "x"}, {"bytes", 1}});
  with("excerpt longer than 1 KiB",
       {{"text", std::string(1025, 'x')}, {"bytes", 1025}, {"truncated", false}});
  with("excerpt with an unknown field", {{"text", "x"}, {"bytes", 1}, {"truncated", false}, {"lines", 1}});
  expect_rejected(cases);
}

TEST(ResultDocument, ASecretTestNeverCarriesExcerpts) {
  proctor::runner::GradeResult r = proctor::runner::result_from_json(valid_result());
  r.tests[2].input = proctor::runner::Excerpt{"42\n", 3, false};
  r.tests[2].stdout_excerpt = r.tests[2].input;
  r.tests[2].stderr_excerpt = r.tests[2].input;
  const json t = proctor::runner::to_json(r)["tests"][2];
  for (const char* key : {"input", "stdout", "stderr"}) EXPECT_FALSE(t.contains(key)) << key;
}

TEST(ResultSchema, RejectsUnknownVerdicts) {
  std::vector<std::pair<std::string, json>> cases;
  json doc = valid_result();
  doc["verdict"] = "PE";
  cases.emplace_back("verdict PE", doc);
  doc = valid_result();
  doc["tests"][0]["verdict"] = "CE";  // a test cannot fail to compile
  cases.emplace_back("test verdict CE", doc);
  doc = valid_result();
  doc["verdict"] = "skipped";
  cases.emplace_back("verdict skipped", doc);
  doc = valid_result();
  doc["compile"]["status"] = "fine";
  cases.emplace_back("compile status fine", doc);
  expect_rejected(cases);
}

TEST(ResultSchema, RejectsMissingFields) {
  std::vector<std::pair<std::string, json>> cases;
  for (const char* field : {"schema", "verdict", "score", "exercise", "submission", "compile", "tests",
                            "limits", "sandbox", "runner", "started_at", "finished_at"}) {
    json doc = valid_result();
    doc.erase(field);
    cases.emplace_back(std::string("without ") + field, doc);
  }
  for (const char* field : {"name", "verdict", "exit_code", "message"}) {
    json doc = valid_result();
    doc["tests"][0].erase(field);
    cases.emplace_back(std::string("test without ") + field, doc);
  }
  json doc = valid_result();
  doc["score"].erase("max_points");
  cases.emplace_back("score without max_points", doc);
  expect_rejected(cases);
}

TEST(ResultSchema, RejectsWrongTypesAndFormats) {
  std::vector<std::pair<std::string, json>> cases;
  auto with = [&](const std::string& label, auto change) {
    json doc = valid_result();
    change(doc);
    cases.emplace_back(label, doc);
  };
  with("schema version 2", [](json& d) { d["schema"] = "proctor-result/2"; });
  with("uppercase sha256", [](json& d) { d["submission"]["sha256"] = "ABC"; });
  with("timestamp not RFC 3339", [](json& d) { d["started_at"] = "yesterday"; });
  with("exit_code as string", [](json& d) { d["tests"][0]["exit_code"] = "0"; });
  with("command as string", [](json& d) { d["compile"]["command"] = "gcc solution.c"; });
  with("late as string", [](json& d) { d["session"]["timeline"][0]["late"] = "no"; });
  with("session without id", [](json& d) { d["session"].erase("id"); });
  with("negative points", [](json& d) { d["score"]["points"] = -1; });
  with("unknown top-level field", [](json& d) { d["stdout"] = "x"; });
  expect_rejected(cases);
}

TEST(ResultSchema, RejectsHalfOrNegativeMicroseconds) {
  std::vector<std::pair<std::string, json>> cases;
  json doc = valid_result();
  doc["tests"][0].erase("wall_us");
  cases.emplace_back("time_us without wall_us", doc);
  doc = valid_result();
  doc["tests"][1]["wall_us"] = 5000;
  cases.emplace_back("wall_us without time_us", doc);
  doc = valid_result();
  doc["tests"][0]["time_us"] = -1;
  cases.emplace_back("negative time_us", doc);
  doc = valid_result();
  doc["tests"][0]["time_us"] = 3.5;
  cases.emplace_back("fractional time_us", doc);
  expect_rejected(cases);
}

}  // namespace
