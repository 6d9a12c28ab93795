#pragma once
// Escaping for untrusted strings (candidate names, compiler output, checker messages) in each format.
#include <string>
#include <string_view>

namespace proctor::report {

// Control characters other than newline and tab (C0, DEL, and the C1 range a terminal would obey)
// become visible "\xNN" text: a report printed to a terminal cannot move the cursor or change colours.
std::string clean_text(std::string_view s);

// & < > " ' as entities, after clean_text.
std::string html_escape(std::string_view s);

// One-line Markdown inside a paragraph or a table cell: a backslash before the characters that open
// inline markup (\ ` * _ [ ] | ~ ! #), < > & as entities so raw HTML never reaches a renderer, and
// newlines as spaces.
std::string md_inline(std::string_view s);

// A fenced code block whose fence is longer than any backtick run inside `s`.
std::string md_code_block(std::string_view s);

}  // namespace proctor::report
