#include "report/escape.hpp"

#include <cstdio>

namespace proctor::report {
namespace {
std::string hex_escape(unsigned c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}
}  // namespace

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\t') {
      out += static_cast<char>(c);
    } else if (c == '\r') {
      // A lone CR would let a line overwrite itself on a terminal; CRLF is just a line ending.
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += hex_escape(c);
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      out += hex_escape(static_cast<unsigned char>(s[++i]));  // U+0080..U+009F, the C1 controls
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : clean_text(s)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md_inline(std::string_view s) {
  // Only the characters that start inline markup (emphasis, code, links, images, tables, strikethrough,
  // escapes, headings); line-start markers like '-' or '1.' cannot occur since a cell never starts a line.
  static const std::string_view special = "\\`*_[]|~!#";
  std::string out;
  for (char c : clean_text(s)) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n' || c == '\t') {
      out += ' ';
    } else {
      if (special.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string md_code_block(std::string_view s) {
  std::string body = clean_text(s);
  std::size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  std::string fence(longest >= 3 ? longest + 1 : 3, '`');
  if (!body.empty() && body.back() != '\n') body += '\n';
  return fence + "text\n" + body + fence + "\n";
}

}  // namespace proctor::report
