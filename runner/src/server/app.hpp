#pragma once
// The interview room's request handling: routes, authentication and the handlers behind them. Knows
// nothing of sockets (http_listener.cpp does); each request comes in as a plain Request.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "server/event_hub.hpp"
#include "server/http.hpp"

namespace proctor::server {

struct AppConfig {
  std::filesystem::path sessions_root;
  std::filesystem::path exercises_dir;
  std::filesystem::path web_dir;  // the candidate page's files (web/ and its built bundle web/dist/)
  std::string public_url;         // e.g. "http://127.0.0.1:8080", no trailing slash
  std::string interviewer_token;
  unsigned run_workers = 2;
  std::size_t run_queue_capacity = 64;
  std::chrono::milliseconds run_interval{5000};
  std::chrono::milliseconds finish_sweep{1000};  // how often expired sessions are looked for and graded
  bool log_requests = true;
  StreamLimits streams;  // live updates (docs/api.md "Live updates")
};

// Largest accepted bodies (docs/api.md "Limits").
inline constexpr std::size_t kMaxSourceBytes = 256 * 1024;
inline constexpr std::size_t kMaxCustomInputBytes = 1024 * 1024;

class App {
 public:
  explicit App(AppConfig config);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void handle(Request request, Reply reply);
  static std::size_t body_limit(const std::string& method, const std::string& target);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proctor::server
