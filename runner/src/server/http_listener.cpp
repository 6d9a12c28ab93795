// Boost.Beast lives in this translation unit only (see http.hpp).
#include "server/http_listener.hpp"

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "proctor/runner/error.hpp"

namespace proctor::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
namespace ssl = net::ssl;

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::uint64_t kMaxBodyLimit = 64ull << 20;

struct Shared {
  ListenerOptions options;
  std::unique_ptr<ssl::context> tls;  // null: plain HTTP
  BodyLimit body_limit;
  Handler handler;
  std::atomic<std::size_t> connections{0};
};

// One connection, over plain TCP or over TLS (Stream is beast::tcp_stream or an ssl_stream of one).
template <class Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

 public:
  template <class... StreamArgs>
  explicit Connection(std::shared_ptr<Shared> shared, StreamArgs&&... stream_args)
      : stream_(std::forward<StreamArgs>(stream_args)...), shared_(std::move(shared)) {
    ++shared_->connections;
  }
  ~Connection() { --shared_->connections; }

  void start() {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->handshake(); });
  }

 private:
  beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }

  // A TLS client gets the read timeout for its handshake too, so a silent one holds nothing for long.
  void handshake() {
    if constexpr (kTls) {
      tcp().expires_after(shared_->options.read_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (!ec) self->read_header();
                              });
    } else {
      read_header();
    }
  }

  void read_header() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // The real limit is decided per target once the head is read (on_header); until then the largest
    // any target allows. (Not boost::none: Beast 1.74 compares a Content-Length against an empty limit
    // as if it were exceeded.)
    parser_->body_limit(kMaxBodyLimit);
    tcp().expires_after(shared_->options.read_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) return close(ec == http::error::header_limit ? 431 : 0);
    const auto& head = parser_->get();
    std::uint64_t limit = std::min<std::uint64_t>(
        kMaxBodyLimit, shared_->body_limit(std::string(head.method_string()), std::string(head.target())));
    if (auto length = parser_->content_length(); length && *length > limit) return close(413);
    parser_->body_limit(limit);
    tcp().expires_after(shared_->options.read_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == http::error::body_limit) return close(413);
    if (ec) return close(0);
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers[name] = std::string(field.value());
    }
    request.body = std::move(message.body());
    // No read timeout while the handler works: a queued run may take a while. The answer comes back on
    // this connection's strand from whichever thread produced it.
    tcp().expires_never();
    auto self = this->shared_from_this();
    shared_->handler(std::move(request), [self](Response response) {
      net::post(self->stream_.get_executor(),
                [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
    });
  }

  // Answers a request that could not be read (too large, header too long) and closes; 0: just close.
  void close(int status) {
    if (status == 0) {
      beast::error_code ignored;
      tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
      return;
    }
    keep_alive_ = false;
    Response response;
    response.status = status;
    response.headers["Content-Type"] = "application/json";
    response.body =
        status == 413 ? R"({"error":"request body too large"})" : R"({"error":"request header too large"})";
    write(std::move(response));
  }

  void write(Response response) {
    add_security_headers(response);
    auto message = std::make_shared<http::response<http::string_body>>();
    message->version(11);
    message->result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers) message->set(name, value);
    message->set(http::field::server, "proctor");
    message->body() = std::move(response.body);
    message->keep_alive(keep_alive_);
    message->prepare_payload();
    tcp().expires_after(shared_->options.write_timeout);
    http::async_write(stream_, *message,
                      [self = this->shared_from_this(), message](beast::error_code ec, std::size_t) {
                        if (ec) return;
                        if (!self->keep_alive_) return self->finish();
                        self->read_header();
                      });
  }

  // Ends the connection after the last answer: TLS sends its close_notify (bounded by the write
  // timeout); plain TCP half-closes and drains.
  void finish() {
    if constexpr (kTls) {
      tcp().expires_after(shared_->options.write_timeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ignored;
      tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
      drain(0);
    }
  }

  // After refusing a request whose body was not read, reads and drops what the client still sends
  // (bounded in bytes and time): closing with unread data would reset the connection, and the client
  // could lose the answer explaining the refusal.
  void drain(std::size_t drained) {
    if (drained > kMaxDrain) return;
    tcp().expires_after(shared_->options.read_timeout);
    stream_.async_read_some(net::buffer(scratch_),
                            [self = this->shared_from_this(), drained](beast::error_code ec, std::size_t n) {
                              if (!ec) self->drain(drained + n);
                            });
  }

  static constexpr std::size_t kMaxDrain = 16 << 20;
  std::array<char, 16384> scratch_{};
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool keep_alive_ = false;
  std::shared_ptr<Shared> shared_;
};

class Acceptor : public std::enable_shared_from_this<Acceptor> {
 public:
  Acceptor(net::io_context& io, tcp::endpoint endpoint, std::shared_ptr<Shared> shared)
      : io_(io), acceptor_(net::make_strand(io)), shared_(std::move(shared)) {
    beast::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      throw runner::UserError(endpoint.address().to_string() + ":" + std::to_string(endpoint.port()),
                              "cannot listen: " + ec.message());
    }
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  void accept() {
    acceptor_.async_accept(
        net::make_strand(io_), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
          if (!ec) {
            if (self->shared_->connections.load() >= self->shared_->options.max_connections) {
              beast::error_code ignored;
              socket.close(ignored);  // over the limit: refuse rather than exhaust descriptors
            } else if (self->shared_->tls) {
              std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(
                  self->shared_, std::move(socket), *self->shared_->tls)
                  ->start();
            } else {
              std::make_shared<Connection<beast::tcp_stream>>(self->shared_, std::move(socket))->start();
            }
          }
          if (ec != net::error::operation_aborted) self->accept();
        });
  }

 private:
  net::io_context& io_;
  tcp::acceptor acceptor_;
  std::shared_ptr<Shared> shared_;
};

// TLS 1.2 or later with the certificate chain and key the interviewer gave; a file that cannot be used
// is named in a one-line error (OpenSSL's own reason appended).
std::unique_ptr<ssl::context> make_tls_context(const TlsFiles& files) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  auto use = [](const std::filesystem::path& file, const char* flag, auto&& load) {
    beast::error_code ec;
    load(ec);
    if (ec) throw runner::UserError(file, std::string(flag) + ": cannot use: " + ec.message());
  };
  use(files.certificate, "--tls-cert",
      [&](beast::error_code& ec) { context->use_certificate_chain_file(files.certificate.string(), ec); });
  use(files.key, "--tls-key", [&](beast::error_code& ec) {
    context->use_private_key_file(files.key.string(), ssl::context::pem, ec);
  });
  if (SSL_CTX_check_private_key(context->native_handle()) != 1)
    throw runner::UserError(files.key,
                            "--tls-key: does not match the certificate in " + files.certificate.string());
  return context;
}

}  // namespace

void run_http_listener(const ListenerOptions& options, const BodyLimit& body_limit, const Handler& handler,
                       const std::function<void(unsigned short port)>& on_listening,
                       const std::function<void()>& on_stopped) {
  auto shared = std::make_shared<Shared>();
  shared->options = options;
  shared->body_limit = body_limit;
  shared->handler = handler;
  if (options.tls) shared->tls = make_tls_context(*options.tls);
  beast::error_code ec;
  auto address = net::ip::make_address(options.address, ec);
  if (ec) throw runner::UserError("--listen: '" + options.address + "' is not an IP address");
  unsigned threads = std::max(1u, options.threads);
  net::io_context io(static_cast<int>(threads));
  auto acceptor = std::make_shared<Acceptor>(io, tcp::endpoint(address, options.port), shared);
  acceptor->accept();
  net::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](beast::error_code, int) { io.stop(); });
  on_listening(acceptor->port());
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
  on_stopped();
}

}  // namespace proctor::server
