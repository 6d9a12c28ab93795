#include "report/report.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace proctor::report {

std::optional<Format> format_from_string(const std::string& name) {
  if (name == "text" || name == "txt") return Format::text;
  if (name == "md" || name == "markdown") return Format::markdown;
  if (name == "html") return Format::html;
  return std::nullopt;
}

Format format_from_extension(const std::string& file) {
  std::string ext = std::filesystem::path(file).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".html" || ext == ".htm") return Format::html;
  if (ext == ".md" || ext == ".markdown") return Format::markdown;
  return Format::text;
}

std::string render(const runner::GradeResult& result, Format format, const SessionExtras* extras) {
  const Model model = build_model(result, extras);
  switch (format) {
    case Format::text:
      return render_text(model);
    case Format::markdown:
      return render_markdown(model);
    case Format::html:
      return render_html(model);
  }
  return render_text(model);
}

}  // namespace proctor::report
