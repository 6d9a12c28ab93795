// Boost.Beast lives in this translation unit only (see http.hpp).
#include "server/http_listener.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
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
  // Open streamed answers by their socket, so a stopping server can end them at once (shutdown(2) is
  // safe from any thread; a stream unregisters before its socket is closed, under the same mutex).
  std::mutex streams_mutex;
  std::map<const void*, int> stream_fds;

  void end_all_streams() {
    std::lock_guard lock(streams_mutex);
    for (const auto& [key, fd] : stream_fds) ::shutdown(fd, SHUT_RDWR);
  }
};

// What a stream may have queued for a client that does not read; beyond it the client is dropped.
constexpr std::size_t kMaxStreamBacklog = 8 << 20;

// One connection, over plain TCP or over TLS (Socket is beast::tcp_stream or an ssl_stream of one).
template <class Socket>
class Connection : public Stream, public std::enable_shared_from_this<Connection<Socket>> {
  static constexpr bool kTls = !std::is_same_v<Socket, beast::tcp_stream>;

 public:
  template <class... StreamArgs>
  explicit Connection(std::shared_ptr<Shared> shared, StreamArgs&&... stream_args)
      : stream_(std::forward<StreamArgs>(stream_args)...), shared_(std::move(shared)) {
    ++shared_->connections;
  }
  ~Connection() override {
    if (registered_ && !stream_ended_) {  // the server stopped with the stream open
      std::lock_guard lock(shared_->streams_mutex);
      shared_->stream_fds.erase(this);
    }
    --shared_->connections;
  }

  // server::Stream, from any thread: the bytes are written on this connection's strand.
  bool send(std::string bytes) override {
    if (stream_closed_.load()) return false;
    net::post(stream_.get_executor(), [self = this->shared_from_this(), bytes = std::move(bytes)]() mutable {
      self->enqueue(std::move(bytes));
    });
    return true;
  }
  void close() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      self->closing_ = true;
      if (!self->writing_) self->end_stream();
    });
  }

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
    if (ec) return refuse(ec == http::error::header_limit ? 431 : 0);
    const auto& head = parser_->get();
    std::uint64_t limit = std::min<std::uint64_t>(
        kMaxBodyLimit, shared_->body_limit(std::string(head.method_string()), std::string(head.target())));
    if (auto length = parser_->content_length(); length && *length > limit) return refuse(413);
    parser_->body_limit(limit);
    tcp().expires_after(shared_->options.read_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == http::error::body_limit) return refuse(413);
    if (ec) return refuse(0);
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
  void refuse(int status) {
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
    if (response.stream) return start_stream(std::move(response));
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

  // A streamed answer (Server-Sent Events): the head, then whatever the app sends, until either side ends
  // it. No thread waits on it: writes are async on this strand, and one read stays pending only to notice
  // the client leaving (an EventSource sends nothing after its request), which frees the stream at once.
  void start_stream(Response response) {
    hooks_ = std::move(response.stream);
    keep_alive_ = false;
    http::response<http::empty_body> head;
    head.version(11);
    head.result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers) head.set(name, value);
    head.set(http::field::server, "proctor");
    head.keep_alive(false);  // the body ends when the connection does
    std::ostringstream text;
    text << head.base();
    {
      std::lock_guard lock(shared_->streams_mutex);
      shared_->stream_fds[this] = tcp().socket().native_handle();
    }
    registered_ = true;
    // Unacknowledged data older than this ends the connection, and the pending read below with it.
    const unsigned ack_ms = static_cast<unsigned>(shared_->options.stream_ack_timeout.count());
    setsockopt(tcp().socket().native_handle(), IPPROTO_TCP, TCP_USER_TIMEOUT, &ack_ms, sizeof ack_ms);
    // The pending read has no timeout; each write gets the write timeout (Beast arms only the timer of
    // the direction that is not pending), so a client that stops reading is cut off.
    tcp().expires_never();
    watch_client();
    enqueue(text.str() + response.body);
    if (hooks_ && hooks_->opened) hooks_->opened(this->shared_from_this());
  }

  void watch_client() {
    stream_.async_read_some(
        net::buffer(scratch_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) return self->end_stream();
          self->watch_client();  // bytes after the request mean nothing on a stream: dropped
        });
  }

  void enqueue(std::string bytes) {
    if (stream_ended_) return;
    queued_ += bytes.size();
    if (queued_ > kMaxStreamBacklog) return end_stream();
    out_.push_back(std::move(bytes));
    if (!writing_) write_next();
  }

  void write_next() {
    if (out_.empty()) {
      writing_ = false;
      if (closing_) end_stream();
      return;
    }
    writing_ = true;
    tcp().expires_after(shared_->options.write_timeout);
    net::async_write(stream_, net::buffer(out_.front()),
                     [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                       self->writing_ = false;
                       if (self->stream_ended_) {  // ended while this write was pending: now drop the queue
                         self->out_.clear();
                         self->queued_ = 0;
                         return;
                       }
                       self->queued_ -= self->out_.front().size();
                       self->out_.pop_front();
                       if (ec) return self->end_stream();
                       self->write_next();
                     });
  }

  void end_stream() {
    if (stream_ended_) return;
    stream_ended_ = true;
    stream_closed_ = true;
    if (registered_) {
      std::lock_guard lock(shared_->streams_mutex);
      shared_->stream_fds.erase(this);
    }
    beast::error_code ignored;
    tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
    tcp().socket().close(ignored);
    // A pending write still reads out_.front(), and its completion pops it: the queue goes then. (Emptied
    // here, under a pending write, the completion popped an empty deque: `proctor serve` died of SIGSEGV
    // or "double free" when a client left, or fell behind by the backlog, in the middle of a write.)
    if (!writing_) {
      out_.clear();
      queued_ = 0;
    }
    auto hooks = std::move(hooks_);  // the hooks may hold this connection: break the cycle
    if (hooks && hooks->closed) hooks->closed();
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
  Socket stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool keep_alive_ = false;
  std::shared_ptr<Shared> shared_;
  // A streamed answer's state (touched on the strand, except stream_closed_).
  std::shared_ptr<StreamHooks> hooks_;
  std::deque<std::string> out_;
  std::size_t queued_ = 0;
  bool writing_ = false, closing_ = false, stream_ended_ = false, registered_ = false;
  std::atomic<bool> stream_closed_{false};
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
  // Streams end first (their clients see the end at once and reconnect to whoever serves next), then
  // everything stops.
  signals.async_wait([&io, shared](beast::error_code, int) {
    shared->end_all_streams();
    io.stop();
  });
  on_listening(acceptor->port());
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
  on_stopped();
}

}  // namespace proctor::server
