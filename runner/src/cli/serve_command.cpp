// `proctor serve`: the interview room, an HTTP server for remote candidates (docs/api.md).
#include <memory>

#include "cli/commands.hpp"
#include "proctor/runner/error.hpp"
#include "server/serve.hpp"

namespace proctor::cli {

void add_serve_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<server::ServeOptions>();
  auto sessions = std::make_shared<std::string>();
  auto web = std::make_shared<std::string>();
  auto read_timeout_s = std::make_shared<double>(10);
  auto run_interval_s = std::make_shared<double>(5);
  auto heartbeat_s = std::make_shared<double>(15);
  auto tls_cert = std::make_shared<std::string>();
  auto tls_key = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve the interview room: candidates take the exercise in a browser");
  cmd->add_option("--listen", o->listen, "ADDR:PORT to listen on (default 127.0.0.1:8080, loopback only)");
  cmd->add_option("--sessions", *sessions, "Sessions directory (default: $PROCTOR_SESSIONS or ./sessions)");
  cmd->add_option("--exercises", o->exercises, "Directory of exercise packages (default: exercises)");
  cmd->add_option("--public-url", o->public_url,
                  "Base URL candidates use, e.g. https://interview.example.com (behind a reverse proxy)");
  cmd->add_option("--web", *web, "Directory of the page's files (default: this checkout's web/)");
  cmd->add_option("--read-timeout", *read_timeout_s,
                  "Seconds a client gets to send a request head or body (10)");
  cmd->add_option("--run-interval", *run_interval_s, "Seconds between two sample runs of one session (5)");
  cmd->add_option("--run-workers", o->run_workers, "Sandboxed runs at once (default: one per core)");
  cmd->add_option("--max-streams", o->max_streams, "Live-update streams open at once, in all (256)");
  cmd->add_option("--streams-per-session", o->streams_per_session,
                  "Live-update streams of one session, per audience (8)");
  cmd->add_option("--heartbeat", *heartbeat_s, "Seconds between keep-alive comments on a stream (15)");
  cmd->add_flag("--quiet", o->quiet, "No request log on stderr");
  cmd->add_option("--tls-cert", *tls_cert, "Serve HTTPS with this PEM certificate chain (with --tls-key)");
  cmd->add_option("--tls-key", *tls_key, "The PEM private key of --tls-cert");
  cmd->callback([&action, o, sessions, web, read_timeout_s, run_interval_s, heartbeat_s, tls_cert, tls_key] {
    action = [o, sessions, web, read_timeout_s, run_interval_s, heartbeat_s, tls_cert, tls_key] {
      if (!tls_cert->empty()) o->tls_cert = *tls_cert;
      if (!tls_key->empty()) o->tls_key = *tls_key;
      if (*read_timeout_s <= 0 || *run_interval_s < 0)
        throw runner::UserError("--read-timeout/--run-interval: must be positive");
      if (*heartbeat_s <= 0 || o->max_streams == 0 || o->streams_per_session == 0)
        throw runner::UserError("--heartbeat/--max-streams/--streams-per-session: must be positive");
      o->heartbeat = std::chrono::milliseconds(static_cast<long long>(*heartbeat_s * 1000));
      if (!sessions->empty()) o->sessions = *sessions;
      if (!web->empty()) o->web_dir = *web;
      o->read_timeout = std::chrono::milliseconds(static_cast<long long>(*read_timeout_s * 1000));
      o->run_interval = std::chrono::milliseconds(static_cast<long long>(*run_interval_s * 1000));
      return server::serve(*o);
    };
  });
}

}  // namespace proctor::cli
