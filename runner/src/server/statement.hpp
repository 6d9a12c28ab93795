#pragma once
// The exercise statement for the candidate page: Markdown rendered to HTML by md4c (GitHub dialect).
// Raw HTML in the statement is not passed through (MD_FLAG_NOHTML), so a statement cannot inject markup
// or script into the page.
#include <string>

namespace proctor::server {

std::string render_markdown(const std::string& markdown);

}  // namespace proctor::server
