#pragma once
// `proctor serve`: the interview room (docs/api.md).
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace proctor::server {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::optional<std::filesystem::path> sessions;  // else $PROCTOR_SESSIONS or ./sessions
  std::filesystem::path exercises = "exercises";
  std::string public_url;                         // default: http://LISTEN (https:// with TLS)
  std::optional<std::filesystem::path> tls_cert;  // both or neither: HTTPS
  std::optional<std::filesystem::path> tls_key;
  std::optional<std::filesystem::path> web_dir;
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds run_interval{5000};
  unsigned run_workers = 0;                    // 0: one per core
  std::size_t max_streams = 256;               // live-update streams in all
  std::size_t streams_per_session = 8;         // live-update streams of one session
  std::chrono::milliseconds heartbeat{15000};  // a comment on every stream this often
  bool quiet = false;                          // no request log
};

// Serves until SIGINT/SIGTERM; returns the exit code. Throws runner::UserError for bad options.
int serve(const ServeOptions& options);

}  // namespace proctor::server
