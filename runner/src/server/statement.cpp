#include "server/statement.hpp"

#include <md4c-html.h>

#include "proctor/runner/error.hpp"

namespace proctor::server {

std::string render_markdown(const std::string& markdown) {
  std::string html;
  auto append = [](const MD_CHAR* text, MD_SIZE size, void* out) {
    static_cast<std::string*>(out)->append(text, size);
  };
  int rc = md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html,
                   MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
  if (rc != 0) throw runner::InternalError("md4c could not render the statement");
  return html;
}

}  // namespace proctor::server
