// `proctor session start|submit|status|list|finish|watch` (extend, note, show, diff:
// session_interviewer_command.cpp): timed interview sessions (docs/sessions.md).
// Every subcommand takes --sessions DIR and --json; with --json it prints one JSON object (watch: one
// per line) instead of text.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/session_common.hpp"
#include "proctor/runner/error.hpp"
#include "report/escape.hpp"
#include "session/duration.hpp"
#include "session/feedback.hpp"
#include "session/finish.hpp"
#include "session/overview.hpp"
#include "session/package_gate.hpp"
#include "session/paths.hpp"
#include "session/start.hpp"
#include "session/submit.hpp"
#include "session/watch.hpp"

namespace proctor::cli {
namespace {

using nlohmann::json;
using runner::kExitBadInput;
using runner::kExitNotOk;
using runner::kExitOk;
namespace ss = session;

using Common = SessionCommon;

void add_common(CLI::App* cmd, const std::shared_ptr<Common>& common) {
  add_session_common(cmd, common);
}

// --- start ------------------------------------------------------------------------------------------

std::string candidate_instructions(const Common& c, const ss::Session& s, const ss::SessionFiles& files) {
  std::string flag = c.sessions.empty() ? "" : " --sessions " + c.sessions;
  std::string statement;
  for (const auto& entry : std::filesystem::directory_iterator(files.workspace())) {
    std::string name = entry.path().filename().string();
    if (name != "solution.c" && name != "include") statement = name;
  }
  std::string text = "Your workspace is " + files.workspace().string() + ": ";
  if (!statement.empty()) text += "read " + statement + ", then ";
  text += "write your solution in solution.c.\n";
  text +=
      "Run `proctor session watch " + s.id + flag + "` to submit on every save and see the sample tests,\n";
  text += "or `proctor session submit " + s.id + flag + "` to submit by hand.\n";
  text +=
      "You have until " + ss::local_time_of_day(s.deadline) + " (" +
      ss::format_duration(s.deadline - s.started_at) +
      "). Only the sample tests are shown; your last submission before the deadline is graded on all tests.";
  return text;
}

void add_start(CLI::App& group, Action& action) {
  auto c = std::make_shared<Common>();
  auto dir = std::make_shared<std::string>();
  auto candidate = std::make_shared<std::string>();
  auto duration = std::make_shared<std::string>();
  CLI::App* cmd = group.add_subcommand("start", "Start a timed session for a candidate");
  cmd->add_option("EXERCISE_DIR", *dir, "Exercise package")->required();
  cmd->add_option("--candidate", *candidate, "Candidate's name")->required();
  cmd->add_option("--duration", *duration,
                  "Length, e.g. 45m, 1h30m, 90s (default: the exercise's duration_minutes)");
  add_common(cmd, c);
  cmd->callback([&action, c, dir, candidate, duration] {
    action = [c, dir, candidate, duration] {
      ss::StartOptions options{*dir, *candidate, std::nullopt};
      if (!duration->empty()) options.duration = ss::parse_duration(*duration);
      std::error_code ec;
      if (!std::filesystem::is_directory(*dir, ec))
        throw runner::UserError(*dir, "not an exercise directory");
      // Validation grades every bundled submission: say so, since it takes a while the first time.
      ss::require_valid_package(c->root(), *dir, [c](const std::string& line) {
        if (!c->json) std::cerr << "validating: " << report::clean_text(line) << "\n";
      });
      ss::Session s = ss::start_session(c->root(), options);
      ss::SessionFiles files{c->root() / s.id};
      std::string instructions = candidate_instructions(*c, s, files);
      if (c->json) {
        json j = ss::status_json(files, s);
        j["duration_s"] = (s.deadline - s.started_at).count() / 1000;
        j["session_dir"] = files.dir.string();
        j["instructions"] = instructions;
        std::cout << j.dump(2) << "\n";
      } else {
        std::cout << "Session " << s.id << " started for " << report::clean_text(s.candidate) << ": "
                  << report::clean_text(s.exercise_title) << " (" << report::clean_text(s.exercise_id)
                  << ")\n"
                  << "Deadline: " << ss::local_time_of_day(s.deadline) << " ("
                  << ss::format_duration(s.deadline - s.started_at) << " from now), "
                  << ss::to_iso(s.deadline) << "\n\nTell the candidate:\n";
        std::istringstream lines(instructions);
        for (std::string line; std::getline(lines, line);) std::cout << "  " << line << "\n";
      }
      return kExitOk;
    };
  });
}

// --- submit -----------------------------------------------------------------------------------------

void add_submit(CLI::App& group, Action& action) {
  auto c = std::make_shared<Common>();
  auto id = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = group.add_subcommand("submit", "Submit a solution and run the sample tests");
  cmd->add_option("ID", *id, "Session id")->required();
  cmd->add_option("FILE", *file, "Solution file (default: the session's workspace/solution.c)");
  add_common(cmd, c);
  cmd->callback([&action, c, id, file] {
    action = [c, id, file] {
      ss::SessionFiles files = c->files(*id);
      std::filesystem::path path = file->empty() ? files.solution() : std::filesystem::path(*file);
      ss::Grader grader;
      ss::SubmitOutcome outcome = ss::submit(files, path, grader);
      if (c->json) {
        std::cout << ss::submit_json(outcome).dump(2) << "\n";
      } else if (outcome.refused) {
        std::cerr << "proctor: late: " << outcome.refusal << "\n";
      } else {
        std::cout << ss::submit_text(outcome, terminal_colors());
      }
      return outcome.refused ? kExitNotOk : kExitOk;
    };
  });
}

// --- status, list, finish ---------------------------------------------------------------------------

void print_finish(const Common& c, const ss::SessionFiles& files, const ss::FinishOutcome& f) {
  const ss::Session& s = f.session;
  if (c.json) {
    json j = ss::status_json(files, s);
    j["already_finished"] = f.already_finished;
    j["regraded"] = f.regraded;
    j["graded"] = f.graded ? json(*f.graded) : json(nullptr);
    j["warnings"] = f.choice_warnings;
    if (!f.warning.empty()) j["warning"] = f.warning;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Session " << s.id
            << (f.regraded           ? " re-graded"
                : f.already_finished ? " was already finished"
                                     : " finished")
            << " (by " << s.finished_by << " at "
            << (s.finished_at ? ss::local_time_of_day(*s.finished_at) : "?") << ")\n"
            << "Verdict: " << ss::colored_verdict(s.final_verdict, terminal_colors()) << ", "
            << ss::score_text(s) << " ("
            << (f.graded ? "graded submission " + std::to_string(*f.graded) : std::string("no submission"))
            << ")\n";
  for (const std::string& w : f.choice_warnings) std::cout << "Warning: " << report::clean_text(w) << "\n";
  std::cout << "Result: " << files.result_json().string() << "\nReport: " << files.report_html().string()
            << "\n";
}

void add_status(CLI::App& group, Action& action) {
  auto c = std::make_shared<Common>();
  auto id = std::make_shared<std::string>();
  CLI::App* cmd =
      group.add_subcommand("status", "Time left and submissions (finishes a session past its deadline)");
  cmd->add_option("ID", *id, "Session id")->required();
  add_common(cmd, c);
  cmd->callback([&action, c, id] {
    action = [c, id] {
      ss::SessionFiles files = c->files(*id);
      ss::Grader grader;
      if (auto finished = ss::finish_if_expired(files, grader, true)) warn(finished->warning);
      ss::Session s = ss::load_session(files);
      if (c->json) {
        std::cout << ss::status_json(files, s).dump(2) << "\n";
      } else {
        std::cout << ss::status_text(files, s);
      }
      return kExitOk;
    };
  });
}

void add_list(CLI::App& group, Action& action) {
  auto c = std::make_shared<Common>();
  CLI::App* cmd = group.add_subcommand("list", "All sessions (finishes those past their deadline)");
  add_common(cmd, c);
  cmd->callback([&action, c] {
    action = [c] {
      std::filesystem::path root = c->root();
      std::vector<ss::Session> sessions;
      std::vector<std::string> errors;
      ss::Grader grader;
      std::error_code ec;
      if (std::filesystem::is_directory(root, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(root)) {
          std::string name = entry.path().filename().string();
          if (!entry.is_directory() || !ss::valid_id(name)) continue;  // staging dirs, stray files
          ss::SessionFiles files{entry.path()};
          try {
            // Never waits: a session busy with another command is listed as it stands.
            if (auto finished = ss::finish_if_expired(files, grader, false)) warn(finished->warning);
          } catch (const runner::UserError& e) {
            errors.push_back(e.what());  // e.g. a tampered frozen package; the session is still listed
          }
          try {
            sessions.push_back(ss::load_session(files));
          } catch (const runner::UserError& e) {
            if (errors.empty() || errors.back() != e.what()) errors.push_back(e.what());
          }
        }
      }
      std::sort(sessions.begin(), sessions.end(),
                [](const ss::Session& a, const ss::Session& b) { return a.started_at < b.started_at; });
      // Which directory was read, absolute: an empty list in the wrong directory must not look like "none".
      std::filesystem::path shown = std::filesystem::absolute(root, ec).lexically_normal();
      if (c->json) {
        json list = json::array();
        for (const ss::Session& s : sessions) list.push_back(ss::list_entry(s));
        std::cout << json{{"directory", shown.string()}, {"sessions", list}, {"errors", errors}}.dump(2)
                  << "\n";
      } else {
        std::cout << "Sessions in " << shown.string()
                  << (std::filesystem::is_directory(root, ec) ? "" : " (no such directory)") << ":\n"
                  << ss::list_text(sessions);
      }
      for (const std::string& e : errors) std::cerr << "proctor: " << report::clean_text(e) << "\n";
      return errors.empty() ? kExitOk : kExitBadInput;
    };
  });
}

void add_finish(CLI::App& group, Action& action) {
  auto c = std::make_shared<Common>();
  auto id = std::make_shared<std::string>();
  auto submission = std::make_shared<int>(0);
  auto regrade = std::make_shared<bool>(false);
  auto by = std::make_shared<std::string>();
  CLI::App* cmd = group.add_subcommand(
      "finish", "Grade the last on-time submission (or --submission N) on all tests; write the report");
  cmd->add_option("ID", *id, "Session id")->required();
  cmd->add_option(
         "--submission", *submission,
         "Grade this on-time submission instead of the last one; on a finished session, re-grade with it")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--regrade", *regrade,
                "Grade a finished session again (the same submission unless --submission)");
  add_by_option(cmd, by);
  add_common(cmd, c);
  cmd->callback([&action, c, id, submission, regrade, by] {
    action = [c, id, submission, regrade, by] {
      ss::SessionFiles files = c->files(*id);
      ss::Grader grader;
      ss::FinishOptions options;
      if (*submission > 0) options.submission = *submission;
      options.regrade = *regrade;
      options.by = acting_user(*by);
      ss::FinishOutcome f = ss::finish_session(files, grader, options);
      warn(f.warning);
      print_finish(*c, files, f);
      return kExitOk;  // the result was written; its verdict is in the output, not in the exit code
    };
  });
}

// --- watch ------------------------------------------------------------------------------------------

void add_watch(CLI::App& group, Action& action) {
  auto c = std::make_shared<Common>();
  auto id = std::make_shared<std::string>();
  CLI::App* cmd = group.add_subcommand("watch", "Candidate's terminal: countdown, submit on every save");
  cmd->add_option("ID", *id, "Session id")->required();
  add_common(cmd, c);
  cmd->callback([&action, c, id] {
    action = [c, id] {
      ss::SessionFiles files = c->files(*id);
      ss::WatchOptions options{c->json, !c->json && terminal_colors()};
      return ss::watch_session(files, options, std::cout);
    };
  });
}

}  // namespace

void add_session_commands(CLI::App& app, Action& action) {
  CLI::App* group = app.add_subcommand("session", "Timed interview sessions (docs/sessions.md)");
  group->require_subcommand(1);
  add_start(*group, action);
  add_submit(*group, action);
  add_status(*group, action);
  add_list(*group, action);
  add_finish(*group, action);
  add_watch(*group, action);
  add_session_interviewer_commands(*group, action);
}

}  // namespace proctor::cli
