// The complexity evidence's plot and report sections: a self-contained SVG with both curves, and the
// sentence plus a cost table in text, Markdown and HTML, with every string escaped.
#include "complexity/growth_plot.hpp"

#include <gtest/gtest.h>

#include "report/complexity_section.hpp"

using namespace proctor::runner;
using proctor::report::complexity_html;
using proctor::report::complexity_markdown;
using proctor::report::complexity_text;

namespace {

std::size_t plot_count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

ComplexityEvidence sample_evidence() {
  ComplexityEvidence e;
  e.unit = "cpu-time-us";
  e.fallback_reason = "perf_event_open: No such file or directory";
  e.repeat = 3;
  e.candidate.solution = "submission";
  e.reference.solution = "accepted/ref.c";
  for (std::uint64_t n : {1000, 2000, 4000, 8000}) {
    const double x = static_cast<double>(n) / 1000;
    e.candidate.points.push_back({n, 1000 + 2000 * x * x, {1, 2, 3}, ""});
    e.reference.points.push_back({n, 1000 + 500 * x, {1, 2, 3}, ""});
  }
  e.candidate.points.push_back(
      {16000, std::nullopt, {}, "TLE: CPU time 1012 ms exceeded the limit of 1000 ms"});
  e.reference.points.push_back({16000, 9000, {9000}, ""});
  e.candidate.fit = GrowthFit{1.9, GrowthModel::n2, 1000, 2000, 0.01};
  e.reference.fit = GrowthFit{1.0, GrowthModel::n, 1000, 500, 0.01};
  e.sentence =
      "The submission's cost grows like n^1.9 (closest model n^2); the reference's grows like n^1.0 "
      "(closest model n).";
  e.grows_faster = true;
  return e;
}

}  // namespace

TEST(GrowthPlot, SelfContainedSvgWithBothCurves) {
  const std::string svg = growth_plot_svg(sample_evidence());
  ASSERT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << svg;
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_EQ(plot_count(svg, "<polyline"), 2u);
  EXPECT_EQ(plot_count(svg, "<circle"), 4u + 5u);  // the submission's failed size has no mark
  EXPECT_EQ(plot_count(svg, "href"), 0u);          // nothing external
  EXPECT_EQ(plot_count(svg, "<script"), 0u);
  EXPECT_NE(svg.find(">reference<"), std::string::npos);
  EXPECT_NE(svg.find(">submission<"), std::string::npos);
  EXPECT_NE(svg.find(">n^1.9<"), std::string::npos);
  EXPECT_NE(svg.find("CPU time (log scale)"), std::string::npos);
}

TEST(GrowthPlot, NothingMeasuredNoPlot) {
  ComplexityEvidence e;
  e.unit = "instructions";
  e.candidate.points.push_back({1000, std::nullopt, {}, "RTE: exit code 1"});
  EXPECT_EQ(growth_plot_svg(e), "");
}

TEST(GrowthPlot, CostsReadInTheirUnit) {
  EXPECT_EQ(format_cost(850, "cpu-time-us"), "850 \u00b5s");
  EXPECT_EQ(format_cost(12345, "cpu-time-us"), "12.3 ms");
  EXPECT_EQ(format_cost(2.5e6, "cpu-time-us"), "2.50 s");
  EXPECT_EQ(format_cost(4.5e6, "instructions"), "4.5M instr");
  EXPECT_EQ(format_cost(3.2e6, "task-clock-ns"), "3.2 ms");
}

// Costs under a millisecond read "850 µs"; the text table counts characters, not bytes, so the
// reference's column starts at the same place on every row.
TEST(ComplexitySection, TextColumnsLineUpWithMicroseconds) {
  ComplexityEvidence e = sample_evidence();
  e.candidate.points[0].cost = 850;  // "850 µs": one character more in bytes than on screen
  const std::string text = complexity_text(e);
  ASSERT_NE(text.find("850 \u00b5s"), std::string::npos) << text;
  auto column_of_reference = [&](const std::string& n) {
    const std::size_t row = text.find("\n  " + n + " ");
    EXPECT_NE(row, std::string::npos) << n << "\n" << text;
    const std::size_t end = text.find('\n', row + 1);
    const std::string line = text.substr(row + 1, end - row - 1);
    std::size_t points = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i > 14 && line[i] != ' ' && line[i - 1] == ' ' && line[i - 2] == ' ') return points;
      points += (static_cast<unsigned char>(line[i]) & 0xc0) != 0x80;
    }
    return std::string::npos;
  };
  EXPECT_EQ(column_of_reference("1000"), column_of_reference("2000")) << text;
}

TEST(ComplexitySection, EveryFormatHasTheSentenceAndOneRowPerSize) {
  const ComplexityEvidence e = sample_evidence();
  const std::string text = complexity_text(e), md = complexity_markdown(e), html = complexity_html(e);
  for (const std::string* s : {&text, &md}) EXPECT_NE(s->find("grows like n^1.9"), std::string::npos) << *s;
  EXPECT_NE(html.find("grows like n^1.9"), std::string::npos);
  EXPECT_NE(text.find("16000       TLE (1)"), std::string::npos) << text;
  EXPECT_NE(text.find("(1) n=16000, submission: TLE: CPU time 1012 ms exceeded"), std::string::npos) << text;
  EXPECT_EQ(plot_count(md, "\n| "), 1u + 5u) << md;  // header and five sizes
  EXPECT_NE(md.find("| 8000 | 129 ms | 5 ms |"), std::string::npos) << md;
  EXPECT_EQ(plot_count(html, "<svg"), 1u);
  EXPECT_EQ(plot_count(html, "<tr>"), 1u + 5u);
  EXPECT_NE(text.find("instructions unavailable: perf_event_open"), std::string::npos) << text;
}

TEST(ComplexitySection, StringsFromTheResultAreEscaped) {
  ComplexityEvidence e = sample_evidence();
  e.reference.solution = "accepted/<b>x</b>.c";
  e.sentence = "<script>alert(1)</script>";
  const std::string html = complexity_html(e);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>x"), std::string::npos) << html;
  EXPECT_EQ(complexity_markdown(e).find("<script>"), std::string::npos);
}

TEST(ComplexitySection, APassThatCouldNotRunSaysWhy) {
  ComplexityEvidence e;
  e.status = SignalStatus::failed;
  e.note = "data/scaling/1000.in: not generated yet";
  EXPECT_NE(
      complexity_text(e).find(
          "Complexity (cost against input size n): not measured: data/scaling/1000.in: not generated yet"),
      std::string::npos)
      << complexity_text(e);
  EXPECT_EQ(complexity_html(e).find("<svg"), std::string::npos);
  e.status = SignalStatus::skipped;
  e.note = "the submission did not compile";
  EXPECT_NE(complexity_markdown(e).find("skipped: the submission did not compile"), std::string::npos)
      << complexity_markdown(e);
}
