// Headers every answer carries. The page loads only its own script and styles (no inline script); the
// editor's generated styles carry the per-page nonce (see static_files.cpp).
#include "server/http_listener.hpp"

namespace proctor::server {

void add_security_headers(Response& response) {
  auto& h = response.headers;
  if (!h.count("Content-Security-Policy")) {
    h["Content-Security-Policy"] =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }
  h["X-Content-Type-Options"] = "nosniff";
  h["Referrer-Policy"] = "no-referrer";
  if (!h.count("X-Frame-Options")) h["X-Frame-Options"] = "DENY";  // the report allows its own origin
  h["Cross-Origin-Opener-Policy"] = "same-origin";
  if (!h.count("Cache-Control")) h["Cache-Control"] = "no-store";
}

}  // namespace proctor::server
