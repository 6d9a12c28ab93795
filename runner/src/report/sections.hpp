#pragma once
// Report sections beyond the core (tests, compilation, limits), one file each, every format in the file:
// a section added later (say, sanitizer findings) is a new file and one call per renderer.
#include <sstream>

#include "report/model.hpp"

namespace proctor::report {

// Which submission was graded and why, and the warnings about that choice (section_grading.cpp).
void grading_html(std::ostringstream& out, const Model& m);
void grading_markdown(std::ostringstream& out, const Model& m);
void grading_text(std::ostringstream& out, const Model& m);

// Subtotals per test group (section_groups.cpp).
void groups_html(std::ostringstream& out, const Model& m);
void groups_markdown(std::ostringstream& out, const Model& m);
void groups_text(std::ostringstream& out, const Model& m);

// The graded source, syntax-highlighted in HTML, with line numbers (section_source.cpp).
void source_html(std::ostringstream& out, const Model& m);
void source_markdown(std::ostringstream& out, const Model& m);
void source_text(std::ostringstream& out, const Model& m);

// Diffs between consecutive submissions (section_diffs.cpp).
void diffs_html(std::ostringstream& out, const Model& m);
void diffs_markdown(std::ostringstream& out, const Model& m);
void diffs_text(std::ostringstream& out, const Model& m);

// The whole timeline: start, drafts, runs, submissions, extensions, notes, gradings (section_timeline.cpp).
void timeline_html(std::ostringstream& out, const Model& m);
void timeline_markdown(std::ostringstream& out, const Model& m);
void timeline_text(std::ostringstream& out, const Model& m);

// One sentence for a timeline item, shared by every format (section_timeline.cpp); untrusted parts
// (names, notes) are returned raw: each format escapes the sentence.
std::string describe(const TimelineItem& item);

// A run's sentence ("ran the samples: 2/3 samples WA", "ran on own input: TLE"), for the report's
// timeline and `session show` alike.
std::string describe_run(const runner::RunRecord& run);

}  // namespace proctor::report
