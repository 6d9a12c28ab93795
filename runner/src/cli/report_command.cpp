// `proctor report RESULT.json [--format html|md|text] [-o FILE]`: the interviewer's one-page report from
// any result document. Without --format the format follows -o's extension (text on stdout).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "report/report.hpp"
#include "result/result_file.hpp"
#include "session/report_extras.hpp"

namespace proctor::cli {

using runner::read_result_file;

void add_report_command(CLI::App& app, Action& action) {
  struct Args {
    std::string result, format, output;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("report", "Render a result (result.json) as a one-page report");
  cmd->add_option("RESULT", args->result, "Result document (JSON)")->required();
  cmd->add_option("--format", args->format, "html, md or text (default: from -o's extension, else text)");
  cmd->add_option("-o,--output", args->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->callback([&action, args] {
    action = [args] {
      std::optional<report::Format> format;
      if (!args->format.empty()) {
        format = report::format_from_string(args->format);
        if (!format) throw runner::UserError("bad --format '" + args->format + "' (use html, md or text)");
      } else {
        format = args->output.empty() ? report::Format::text : report::format_from_extension(args->output);
      }
      const runner::GradeResult result = read_result_file(args->result);
      // A session's result beside its session: the report shows the sources, drafts and runs too.
      std::optional<report::SessionExtras> extras = session::extras_beside(args->result, result);
      std::string text = report::render(result, *format, extras ? &*extras : nullptr);
      if (args->output.empty()) {
        std::cout << text;
      } else {
        fs::atomic_write(args->output, text);
      }
      return runner::kExitOk;
    };
  });
}

}  // namespace proctor::cli
