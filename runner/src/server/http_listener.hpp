#pragma once
// The HTTP/1.1 listener: accepts connections, reads bounded requests with timeouts against slow
// clients, hands each to the handler and writes its answer. The only file that includes Boost.Beast.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "server/http.hpp"

namespace proctor::server {

// PEM files: the certificate chain (leaf first) and its private key.
struct TlsFiles {
  std::filesystem::path certificate;
  std::filesystem::path key;
};

struct ListenerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  unsigned threads = 2;
  // A client must send a whole request head within this time, and its body within it again; an idle
  // keep-alive connection is closed after it too.
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds write_timeout{30000};
  // A stream (Server-Sent Events) whose client stops acknowledging what was sent for this long is closed
  // by the kernel (TCP_USER_TIMEOUT): a client that vanished without a word (a laptop closed, a network
  // gone) would otherwise hold its place until TCP gives up, about 15 minutes later, because writes of
  // the heartbeats keep succeeding into the socket's buffer. serve sets it to three heartbeats.
  std::chrono::milliseconds stream_ack_timeout{45000};
  std::size_t max_connections = 1024;
  std::optional<TlsFiles> tls;  // HTTPS when set
};

// Loads the TLS files and binds (throws runner::UserError naming the file or address when it cannot), calls
// `on_listening` with the bound port, then serves until SIGINT/SIGTERM. `on_stopped` runs after serving ends
// but while answers may still be handed in (the handler's owner joins its workers there).
void run_http_listener(const ListenerOptions& options, const BodyLimit& body_limit, const Handler& handler,
                       const std::function<void(unsigned short port)>& on_listening,
                       const std::function<void()>& on_stopped);

// Adds the headers every response carries (CSP, nosniff, no-referrer, no caching of API answers).
void add_security_headers(Response& response);

}  // namespace proctor::server
