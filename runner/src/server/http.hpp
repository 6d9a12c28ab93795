#pragma once
// Requests and responses as the server's own code sees them: plain values, no Boost.Beast types, so
// that only http_listener.cpp pays for Beast's headers (CI compile time).
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace proctor::server {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // raw request target, e.g. "/api/candidate/state?x=1"
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string path() const { return target.substr(0, target.find('?')); }
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// The open end of a streamed answer (Server-Sent Events): the listener has written the head and writes
// what is sent, in order, without a thread of its own (async writes on the connection's strand).
class Stream {
 public:
  virtual ~Stream() = default;
  // Queues bytes for the client; false once the stream is closed (the client went away, fell too far
  // behind, or the server is stopping). Callable from any thread.
  virtual bool send(std::string bytes) = 0;
  // Ends the stream (the connection closes once what is queued is written).
  virtual void close() = 0;
};

// Set on a Response to stream it: `opened` runs once the head is on its way, with the stream; `closed`
// runs exactly once when it ends for any reason, also when it never opened (the client was already gone).
struct StreamHooks {
  std::function<void(std::shared_ptr<Stream>)> opened;
  std::function<void()> closed;
};

struct Response {
  int status = 200;
  std::map<std::string, std::string> headers;  // Content-Type etc.; security headers are added for all
  std::string body;                            // the first bytes of a streamed answer
  std::shared_ptr<StreamHooks> stream;         // set: a streamed answer, no length, closed at its end
};

// Called once per request; may answer later and from any thread (runs answer from the run queue).
using Reply = std::function<void(Response)>;
using Handler = std::function<void(Request, Reply)>;

// The largest body a request may carry, decided from its method and target before the body is read.
using BodyLimit = std::function<std::size_t(const std::string& method, const std::string& target)>;

}  // namespace proctor::server
