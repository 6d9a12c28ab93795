// The page's files: a fixed list of names mapped to files under the web directory. No part of a request
// path ever becomes part of a file path, so no encoding of "..", "%2e%2e", "%2f" or a NUL can reach
// another file: anything not on the list is 404.
#include <openssl/rand.h>

#include <array>

#include "fs/read_file.hpp"
#include "server/context.hpp"

namespace proctor::server {
namespace {

struct Asset {
  const char* url;
  const char* file;  // relative to the web directory
  const char* type;
  bool page;  // an HTML page: gets a fresh CSP nonce for the editor's generated styles
  // The interviewer's page shows the report (its own page, same origin) in a frame; nothing else may.
  bool frames_self = false;
};

constexpr std::array<Asset, 10> kAssets{{
    {"/candidate", "candidate.html", "text/html; charset=utf-8", true},
    {"/interviewer", "interviewer.html", "text/html; charset=utf-8", true, true},
    {"/assets/common.js", "common.js", "text/javascript; charset=utf-8", false},
    {"/assets/candidate.js", "candidate.js", "text/javascript; charset=utf-8", false},
    {"/assets/interviewer.js", "interviewer.js", "text/javascript; charset=utf-8", false},
    {"/assets/live.js", "live.js", "text/javascript; charset=utf-8", false},
    {"/assets/playback.js", "playback.js", "text/javascript; charset=utf-8", false},
    {"/assets/style.css", "style.css", "text/css; charset=utf-8", false},
    {"/assets/editor.js", "dist/editor.js", "text/javascript; charset=utf-8", false},
    {"/favicon.ico", "", "", false},
}};

std::string nonce() {
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

}  // namespace

std::optional<Response> static_file(const Context& ctx, const std::string& path) {
  for (const Asset& asset : kAssets) {
    if (path != asset.url) continue;
    if (*asset.file == '\0') return error_response(404, "not found");
    Response r;
    r.headers["Content-Type"] = asset.type;
    try {
      r.body = fs::read_file(ctx.config.web_dir / asset.file, 8 << 20);
    } catch (const std::exception&) {
      return error_response(
          500, std::string("the page's file ") + asset.file + " is missing (scripts/setup builds web/dist)");
    }
    if (asset.page) {
      // CodeMirror injects its styles at run time; the nonce lets exactly those in, nothing inline else.
      std::string n = nonce();
      for (std::size_t at; (at = r.body.find("{{NONCE}}")) != std::string::npos;) r.body.replace(at, 9, n);
      r.headers["Content-Security-Policy"] =
          "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-" + n +
          "'; img-src 'self'; connect-src 'self'; " +
          std::string(asset.frames_self ? "frame-src 'self'; " : "") +
          "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    } else {
      r.headers["Cache-Control"] = "no-cache";
    }
    return r;
  }
  return std::nullopt;
}

}  // namespace proctor::server
