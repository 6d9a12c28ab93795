#pragma once
// The interviewer's one-page report, rendered from a typed result (with or without a session block).
// Every string in a result is untrusted (candidate names, compiler output, checker messages) and is
// escaped for the target format.
#include <optional>
#include <string>

#include "proctor/runner/result.hpp"
#include "report/model.hpp"

namespace proctor::report {

enum class Format { text, markdown, html };

// "text", "md"/"markdown", "html"; nullopt otherwise.
std::optional<Format> format_from_string(const std::string& name);
// From an output file's extension (.html/.htm, .md/.markdown, anything else text).
Format format_from_extension(const std::string& file);

// `extras`: a session's sources, drafts and runs (session/report_extras.hpp); may be null.
std::string render(const runner::GradeResult& result, Format format, const SessionExtras* extras = nullptr);

std::string render_text(const Model& model);
std::string render_markdown(const Model& model);
std::string render_html(const Model& model);

}  // namespace proctor::report
