#pragma once
// What every `proctor session …` subcommand shares: --sessions, --json, who is acting, warnings.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "session/paths.hpp"

namespace proctor::cli {

struct SessionCommon {
  std::string sessions;
  bool json = false;
  std::optional<std::filesystem::path> root_flag() const {
    return sessions.empty() ? std::nullopt : std::optional<std::filesystem::path>(sessions);
  }
  std::filesystem::path root() const { return session::sessions_root(root_flag()); }
  session::SessionFiles files(const std::string& id) const { return {session::session_dir(root(), id)}; }
};

void add_session_common(CLI::App* cmd, const std::shared_ptr<SessionCommon>& common);

// --by NAME for commands recorded as events; default: the login name of the user running proctor.
void add_by_option(CLI::App* cmd, const std::shared_ptr<std::string>& by);
std::string acting_user(const std::string& by_flag);

bool terminal_colors();
// "proctor: warning: …" on stderr (nothing for an empty message).
void warn(const std::string& message);

// `session extend|note|show|diff` (session_interviewer_command.cpp).
void add_session_interviewer_commands(CLI::App& group, std::function<int()>& action);

}  // namespace proctor::cli
