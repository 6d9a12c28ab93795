#pragma once
// The interviewer's one-page report, rendered from any result document (docs/result.schema.json), with
// or without a `session` block. Every string in a result is untrusted (candidate names, compiler
// output, checker messages) and is escaped for the target format.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace proctor::report {

enum class Format { text, markdown, html };

// "text", "md"/"markdown", "html"; nullopt otherwise.
std::optional<Format> format_from_string(const std::string& name);
// From an output file's extension (.html/.htm, .md/.markdown, anything else text).
Format format_from_extension(const std::string& file);

std::string render(const nlohmann::json& result, Format format);

std::string render_text(const nlohmann::json& result);
std::string render_markdown(const nlohmann::json& result);
std::string render_html(const nlohmann::json& result);

}  // namespace proctor::report
