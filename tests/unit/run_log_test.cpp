// The run log (session/run_log.hpp), the one reader and writer of sessions/<id>/runs.jsonl: what it
// writes reads back the same; a torn line or one that does not read as a run is skipped, never a throw;
// and the sentence a run gets in `session show` and the report.
#include "session/run_log.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "report/sections.hpp"

namespace {

using namespace proctor;
using runner::CompileStatus;
using runner::RunKind;
using runner::RunRecord;
using runner::Verdict;

RunRecord samples_run() {
  RunRecord r;
  r.at = Instant(std::chrono::milliseconds(1'900'000'000'123));
  r.kind = RunKind::samples;
  r.draft = 4;
  r.compile = CompileStatus::OK;
  r.verdict = Verdict::WA;
  r.sample_passed = 1;
  r.sample_total = 2;
  r.tests = {{"sample/1", Verdict::AC}, {"sample/2", Verdict::WA}};
  return r;
}

RunRecord input_run(CompileStatus compile, std::optional<sandbox::Status> status) {
  RunRecord r;
  r.at = Instant(std::chrono::milliseconds(1'900'000'001'000));
  r.kind = RunKind::input;
  r.compile = compile;
  r.status = status;
  return r;
}

class RunLog : public ::testing::Test {
 protected:
  void SetUp() override {
    files.dir = std::filesystem::temp_directory_path() /
                ("proctor-run-log-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(files.dir);
    std::filesystem::create_directories(files.dir);
  }
  void TearDown() override { std::filesystem::remove_all(files.dir); }
  session::SessionFiles files;
};

TEST_F(RunLog, WhatIsAppendedReadsBackTheSame) {
  session::append_run(files, samples_run());
  session::append_run(files, input_run(CompileStatus::OK, sandbox::Status::tle));
  session::append_run(files, input_run(CompileStatus::CE, std::nullopt));
  const std::vector<RunRecord> runs = session::read_runs(files);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(session::to_json(runs[0]), session::to_json(samples_run()));
  EXPECT_EQ(runs[0].tests.size(), 2u);
  EXPECT_EQ(runs[0].tests[1].second, Verdict::WA);
  EXPECT_EQ(runs[1].kind, RunKind::input);
  EXPECT_EQ(runs[1].status, sandbox::Status::tle);
  EXPECT_EQ(runs[2].compile, CompileStatus::CE);
  EXPECT_FALSE(runs[2].status.has_value());
  EXPECT_EQ(session::to_json(runs[0])["at"], "2030-03-17T17:46:40.123Z");
}

TEST_F(RunLog, TornAndUnreadableLinesAreSkipped) {
  session::append_run(files, samples_run());
  {
    std::ofstream out(files.dir / "runs.jsonl", std::ios::app);
    out << R"({"at":"2030-03-17T17:46:41Z","kind":"samples","compile":"OK","verdict":"MAYBE"})"
        << "\n";
    out << R"({"at":"2030-03-17T17:46:41Z","kind":"elsewhere","compile":"OK"})"
        << "\n";
    out << R"({"at":"2030-03-17T17:46:41Z","kind":"input","compile":"OK","status":7})"
        << "\n";
    out << R"({"at":"yesterday","kind":"input","compile":"OK"})"
        << "\n";
    out << "[1, 2]\n";
    out << "\xff\xfe not json\n";
  }
  session::append_run(files, input_run(CompileStatus::OK, sandbox::Status::ok));
  {
    std::ofstream out(files.dir / "runs.jsonl", std::ios::app);
    out << R"({"at":"2030-03-17T17:46:42Z","kind":"sam)";  // torn by a crash mid-write
  }
  const std::vector<RunRecord> runs = session::read_runs(files);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].kind, RunKind::samples);
  EXPECT_EQ(runs[1].status, sandbox::Status::ok);
}

TEST_F(RunLog, NoFileIsNoRuns) {
  EXPECT_TRUE(session::read_runs(files).empty());
}

TEST(RunSentence, EachKindOfRunInWords) {
  EXPECT_EQ(report::describe_run(samples_run()), "ran the samples: 1/2 samples WA");
  EXPECT_EQ(report::describe_run(input_run(CompileStatus::OK, sandbox::Status::tle)),
            "ran on own input: TLE");
  EXPECT_EQ(report::describe_run(input_run(CompileStatus::CE, std::nullopt)),
            "ran on own input: did not compile");
}

}  // namespace
