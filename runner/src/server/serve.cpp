#include "server/serve.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

#include "proctor/runner/error.hpp"
#include "server/app.hpp"
#include "server/http_listener.hpp"
#include "server/tokens.hpp"
#include "session/paths.hpp"

#ifndef PROCTOR_WEB_DIR
#define PROCTOR_WEB_DIR "web"
#endif

namespace proctor::server {
namespace {

// "ADDR:PORT", "[v6]:PORT" or ":PORT" (loopback).
std::pair<std::string, unsigned short> parse_listen(const std::string& text) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) throw runner::UserError("--listen '" + text + "': expected ADDR:PORT");
  std::string address = text.substr(0, colon);
  std::string port = text.substr(colon + 1);
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  if (address.empty()) address = "127.0.0.1";
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(port) > 65535)
    throw runner::UserError("--listen '" + text + "': bad port");
  return {address, static_cast<unsigned short>(std::stoul(port))};
}

// The page's files: this checkout's web/ when Proctor runs from its build tree, else where the Debian
// package installs them (share/proctor/web beside the binary's bin/).
std::filesystem::path default_web_dir() {
  std::error_code ec;
  const std::filesystem::path source(PROCTOR_WEB_DIR);
  if (std::filesystem::exists(source / "candidate.html", ec)) return source;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "proctor" / "web";
    if (std::filesystem::exists(installed / "candidate.html", ec)) return installed;
  }
  return source;  // the missing file is reported per request, naming it
}

std::string host_for_url(const std::string& address) {
  return address.find(':') != std::string::npos ? "[" + address + "]" : address;
}

}  // namespace

int serve(const ServeOptions& options) {
  auto [address, port] = parse_listen(options.listen);
  std::filesystem::path root = session::sessions_root(options.sessions);
  std::error_code ec;
  if (!std::filesystem::is_directory(options.exercises, ec))
    throw runner::UserError(options.exercises, "--exercises: not a directory");
  std::string token = load_or_create_interviewer_token(root);

  AppConfig config;
  config.sessions_root = std::filesystem::absolute(root);
  config.exercises_dir = std::filesystem::absolute(options.exercises);
  config.web_dir = options.web_dir ? *options.web_dir : default_web_dir();
  config.interviewer_token = token;
  config.run_interval = options.run_interval;
  config.run_workers =
      options.run_workers ? options.run_workers : std::max(1u, std::thread::hardware_concurrency());
  config.log_requests = !options.quiet;
  config.streams.total = options.max_streams;
  config.streams.per_session = options.streams_per_session;
  config.streams.heartbeat = options.heartbeat;

  ListenerOptions listener;
  listener.address = address;
  listener.port = port;
  listener.read_timeout = options.read_timeout;
  // A heartbeat is sent at least every `heartbeat`: three of them unacknowledged is a client gone.
  listener.stream_ack_timeout = std::max(std::chrono::milliseconds(1000), 3 * options.heartbeat);
  listener.threads = 2;
  if (options.tls_cert.has_value() != options.tls_key.has_value())
    throw runner::UserError(
        "--tls-cert and --tls-key: give both (the certificate chain and its key), or neither");
  if (options.tls_cert) listener.tls = TlsFiles{*options.tls_cert, *options.tls_key};
  const std::string scheme = listener.tls ? "https://" : "http://";

  std::unique_ptr<App> app;
  auto body_limit = [](const std::string& method, const std::string& target) {
    return App::body_limit(method, target);
  };
  auto handler = [&app](Request request, Reply reply) { app->handle(std::move(request), std::move(reply)); };
  run_http_listener(
      listener, body_limit, handler,
      [&](unsigned short bound) {
        config.public_url = options.public_url.empty()
                                ? scheme + host_for_url(address) + ":" + std::to_string(bound)
                                : options.public_url;
        while (!config.public_url.empty() && config.public_url.back() == '/') config.public_url.pop_back();
        app = std::make_unique<App>(config);
        // The token itself is never printed: the link's page asks for it, and it stays in the file.
        std::cout << "Proctor interview room on " << scheme << host_for_url(address) << ":" << bound << "\n"
                  << "Interviewer: " << config.public_url << "/interviewer\n"
                  << "Interviewer token: " << (config.sessions_root / "interviewer.token").string() << "\n"
                  << "Create a session: curl -H \"Authorization: Bearer $(cat "
                  << (config.sessions_root / "interviewer.token").string()
                  << ")\" -d '{\"exercise\":\"log-levels\","
                  << "\"candidate\":\"Ada\",\"duration_minutes\":30}' " << config.public_url
                  << "/api/sessions\n"
                  << std::flush;
      },
      [&app] { app.reset(); });
  return 0;
}

}  // namespace proctor::server
