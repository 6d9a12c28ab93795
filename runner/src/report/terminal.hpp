#pragma once
// What `proctor grade` and `proctor practice` print for the person at the terminal: the test table,
// diffs of failing samples, warnings, the verdict and the score; colour on request.
#include <string>

#include "proctor/runner/custom_run.hpp"
#include "report/model.hpp"

namespace proctor::report {

std::string render_terminal(const Model& model, bool color);

// `proctor practice … --watch`: one screen per run, compact: the verdict first, the samples' table and
// the first failing sample's details only.
std::string render_watch_screen(const Model& model, bool color);

// `proctor practice … --input`: warnings or the compile error, the program's stdout and stderr, and how
// the run ended, with its time and memory beside the exercise's limits.
std::string render_custom_run(const runner::CustomRunResult& run, const std::string& exercise_title,
                              const std::string& exercise_id, bool color);

}  // namespace proctor::report
