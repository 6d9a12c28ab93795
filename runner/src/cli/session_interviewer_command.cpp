// `proctor session extend|note|show|diff`: the interviewer's side of a session (docs/sessions.md). Each
// is a thin wrapper over a session function the server calls too, so both record and read the same.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/session_common.hpp"
#include "proctor/runner/error.hpp"
#include "report/escape.hpp"
#include "session/duration.hpp"
#include "session/extend.hpp"
#include "session/notes.hpp"
#include "session/show.hpp"
#include "text/utf8.hpp"

namespace proctor::cli {
namespace {

using nlohmann::json;
using runner::kExitOk;
namespace ss = session;

void add_extend(CLI::App& group, Action& action) {
  auto c = std::make_shared<SessionCommon>();
  auto id = std::make_shared<std::string>();
  auto amount = std::make_shared<std::string>();
  auto by = std::make_shared<std::string>();
  CLI::App* cmd = group.add_subcommand("extend", "Give the candidate more time (recorded with who and when)");
  cmd->add_option("ID", *id, "Session id")->required();
  cmd->add_option("DURATION", *amount, "How much more, e.g. 10m, 90s, 1h")->required();
  add_by_option(cmd, by);
  add_session_common(cmd, c);
  cmd->callback([&action, c, id, amount, by] {
    action = [c, id, amount, by] {
      auto seconds = ss::parse_duration(*amount);
      ss::SessionFiles files = c->files(*id);
      ss::ExtendOutcome out = ss::extend_session(
          files, std::chrono::duration_cast<std::chrono::milliseconds>(seconds), acting_user(*by));
      const auto& x = std::get<ss::TimeExtended>(out.event.what);
      if (c->json) {
        json j = runner::to_json(out.event);
        j["id"] = out.session.id;
        j["remaining_ms"] = std::max<long long>(0, (out.session.deadline - ss::now()).count());
        std::cout << j.dump(2) << "\n";
      } else {
        std::cout << "Session " << out.session.id << ": time extended by " << ss::format_duration(x.amount)
                  << "; the deadline moved from " << ss::local_time_of_day(x.old_deadline) << " to "
                  << ss::local_time_of_day(x.new_deadline) << " ("
                  << ss::format_duration(out.session.deadline - ss::now()) << " left)\n";
      }
      return kExitOk;
    };
  });
}

void add_note(CLI::App& group, Action& action) {
  auto c = std::make_shared<SessionCommon>();
  auto id = std::make_shared<std::string>();
  auto text = std::make_shared<std::string>();
  auto by = std::make_shared<std::string>();
  CLI::App* cmd =
      group.add_subcommand("note", "Add a private, timestamped note (never shown to the candidate)");
  cmd->add_option("ID", *id, "Session id")->required();
  cmd->add_option("TEXT", *text, "The note (quote it)")->required();
  add_by_option(cmd, by);
  add_session_common(cmd, c);
  cmd->callback([&action, c, id, text, by] {
    action = [c, id, text, by] {
      ss::SessionFiles files = c->files(*id);
      ss::Event e = ss::add_note(files, *text, acting_user(*by));
      if (c->json) {
        json j = runner::to_json(e);
        j["id"] = *id;
        std::cout << j.dump(2) << "\n";
      } else {
        std::cout << "Note added to session " << *id << " at " << ss::local_time_of_day(e.at) << " by "
                  << report::clean_text(e.by) << "\n";
      }
      return kExitOk;
    };
  });
}

void add_show(CLI::App& group, Action& action) {
  auto c = std::make_shared<SessionCommon>();
  auto id = std::make_shared<std::string>();
  auto n = std::make_shared<int>(0);
  CLI::App* cmd = group.add_subcommand(
      "show",
      "The session's timeline (drafts, runs, submissions, extensions, notes), or submission N's source");
  cmd->add_option("ID", *id, "Session id")->required();
  cmd->add_option("N", *n, "A submission number: print its source")->check(CLI::PositiveNumber);
  add_session_common(cmd, c);
  cmd->callback([&action, c, id, n] {
    action = [c, id, n] {
      ss::SessionFiles files = c->files(*id);
      ss::Session s = ss::load_session(files);
      if (*n > 0) {
        if (c->json) {
          const ss::Submission* sub = s.find(*n);
          std::string source = ss::submission_source(files, s, *n);  // throws for a missing one
          json j =
              runner::to_json(runner::TimelineEntry{sub->n, sub->submitted_at, sub->sha256, sub->late,
                                                    sub->sample_passed, sub->sample_total, sub->verdict});
          j["id"] = s.id;
          j["bytes"] = sub->bytes;
          j["source"] = text::valid_utf8(source);
          std::cout << j.dump(2) << "\n";
        } else {
          std::cout << ss::submission_text(files, s, *n);
        }
      } else if (c->json) {
        std::cout << ss::history_json(files, s).dump(2) << "\n";
      } else {
        std::cout << ss::history_text(files, s);
      }
      return kExitOk;
    };
  });
}

void add_diff(CLI::App& group, Action& action) {
  auto c = std::make_shared<SessionCommon>();
  auto id = std::make_shared<std::string>();
  auto a = std::make_shared<int>(0);
  auto b = std::make_shared<int>(0);
  CLI::App* cmd = group.add_subcommand("diff", "Unified diff between two submissions");
  cmd->add_option("ID", *id, "Session id")->required();
  cmd->add_option("A", *a, "Submission number (from)")->required()->check(CLI::PositiveNumber);
  cmd->add_option("B", *b, "Submission number (to)")->required()->check(CLI::PositiveNumber);
  add_session_common(cmd, c);
  cmd->callback([&action, c, id, a, b] {
    action = [c, id, a, b] {
      ss::SessionFiles files = c->files(*id);
      ss::Session s = ss::load_session(files);
      std::string diff = ss::submission_diff(files, s, *a, *b);
      if (c->json) {
        std::cout << json{{"id", s.id}, {"from", *a}, {"to", *b}, {"diff", text::valid_utf8(diff)}}.dump(2)
                  << "\n";
      } else {
        std::cout << diff;
      }
      return kExitOk;
    };
  });
}

}  // namespace

void add_session_interviewer_commands(CLI::App& group, std::function<int()>& action) {
  add_extend(group, action);
  add_note(group, action);
  add_show(group, action);
  add_diff(group, action);
}

}  // namespace proctor::cli
