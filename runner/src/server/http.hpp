#pragma once
// Requests and responses as the server's own code sees them: plain values, no Boost.Beast types, so
// that only http_listener.cpp pays for Beast's headers (CI compile time).
#include <functional>
#include <map>
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

struct Response {
  int status = 200;
  std::map<std::string, std::string> headers;  // Content-Type etc.; security headers are added for all
  std::string body;
};

// Called once per request; may answer later and from any thread (runs answer from the run queue).
using Reply = std::function<void(Response)>;
using Handler = std::function<void(Request, Reply)>;

// The largest body a request may carry, decided from its method and target before the body is read.
using BodyLimit = std::function<std::size_t(const std::string& method, const std::string& target)>;

}  // namespace proctor::server
