#include "cli/session_common.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "report/escape.hpp"

namespace proctor::cli {

void add_session_common(CLI::App* cmd, const std::shared_ptr<SessionCommon>& common) {
  cmd->add_option("--sessions", common->sessions,
                  "Sessions directory (default: $PROCTOR_SESSIONS or ./sessions)");
  cmd->add_flag("--json", common->json, "Print one JSON object instead of text");
}

void add_by_option(CLI::App* cmd, const std::shared_ptr<std::string>& by) {
  cmd->add_option("--by", *by, "Who does it, recorded with the event (default: your login name)");
}

std::string acting_user(const std::string& by_flag) {
  if (!by_flag.empty()) return by_flag;
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return "interviewer";
}

bool terminal_colors() {
  return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void warn(const std::string& message) {
  if (!message.empty()) std::cerr << "proctor: warning: " << report::clean_text(message) << "\n";
}

}  // namespace proctor::cli
