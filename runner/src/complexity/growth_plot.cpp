#include "complexity/growth_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "complexity/growth_fit.hpp"

namespace proctor::runner {
namespace {

constexpr double kWidth = 420, kHeight = 240;
constexpr double kLeft = 70, kRight = 120, kTop = 14, kBottom = 40;  // margins; the legend on the right

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string short_count(double v) {
  char buf[32];
  if (v >= 1e9)
    std::snprintf(buf, sizeof buf, "%.3gG", v / 1e9);
  else if (v >= 1e6)
    std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
  else if (v >= 1e3)
    std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string xml_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

struct Axis {
  double lo, hi;  // log10 of the range
  double to(double v, double from_px, double to_px) const {
    const double t = hi > lo ? (std::log10(v) - lo) / (hi - lo) : 0.5;
    return from_px + t * (to_px - from_px);
  }
};

Axis axis_over(double min, double max) {
  double lo = std::floor(std::log10(min) * 4) / 4, hi = std::ceil(std::log10(max) * 4) / 4;
  if (hi - lo < 0.5) {
    lo -= 0.25;
    hi += 0.25;
  }
  return {lo, hi};
}

// Ticks at 1, 2 and 5 times powers of ten inside the axis, at most about six of them.
std::vector<double> ticks(const Axis& a) {
  std::vector<double> out;
  for (int e = static_cast<int>(std::floor(a.lo)); e <= static_cast<int>(std::ceil(a.hi)); ++e) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double v = m * std::pow(10.0, e), l = std::log10(v);
      if (l >= a.lo - 1e-9 && l <= a.hi + 1e-9) out.push_back(v);
    }
  }
  if (out.size() > 6) {
    std::vector<double> decades;
    for (double v : out) {
      const double m = v / std::pow(10.0, std::floor(std::log10(v) + 1e-9));
      if (std::fabs(m - 1) < 1e-6) decades.push_back(v);
    }
    if (decades.size() >= 2) return decades;
  }
  return out;
}

}  // namespace

std::string format_cost(double cost, const std::string& unit) {
  char buf[48];
  if (unit == "cpu-time-us") {
    if (cost >= 1e6)
      std::snprintf(buf, sizeof buf, "%.2f s", cost / 1e6);
    else if (cost >= 1e3)
      std::snprintf(buf, sizeof buf, "%.3g ms", cost / 1e3);
    else
      std::snprintf(buf, sizeof buf, "%.0f \u00b5s", cost);  // µs: "us" reads as a word
    return buf;
  }
  if (unit == "task-clock-ns") return format_cost(cost / 1e3, "cpu-time-us");
  return short_count(cost) + " instr";
}

std::string growth_plot_svg(const ComplexityEvidence& e) {
  struct Series {
    const ScalingCurve* curve;
    const char* colour;
    const char* label;
  };
  const Series series[] = {{&e.reference, "#1a7f37", "reference"}, {&e.candidate, "#cf222e", "submission"}};
  double nmin = INFINITY, nmax = 0, cmin = INFINITY, cmax = 0;
  for (const Series& s : series) {
    for (const ScalingPoint& p : s.curve->points) {
      if (!p.cost || *p.cost <= 0) continue;
      nmin = std::min(nmin, static_cast<double>(p.n));
      nmax = std::max(nmax, static_cast<double>(p.n));
      cmin = std::min(cmin, *p.cost);
      cmax = std::max(cmax, *p.cost);
    }
  }
  if (nmax == 0) return "";
  const Axis x = axis_over(nmin, nmax), y = axis_over(cmin, cmax);
  const double x0 = kLeft, x1 = kWidth - kRight, y0 = kHeight - kBottom, y1 = kTop;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kWidth) + "\" height=\"" +
                    num(kHeight) + "\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
                    "\" role=\"img\" font-family=\"sans-serif\" font-size=\"10\">";
  svg += "<title>cost against n, log-log: " + xml_text(e.sentence) + "</title>";
  svg += "<rect x=\"" + num(x0) + "\" y=\"" + num(y1) + "\" width=\"" + num(x1 - x0) + "\" height=\"" +
         num(y0 - y1) + "\" fill=\"none\" stroke=\"#d0d7de\"/>";
  for (double t : ticks(x)) {
    const double px = x.to(t, x0, x1);
    svg += "<line x1=\"" + num(px) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(px) + "\" y2=\"" + num(y0) +
           "\" stroke=\"#eaeef2\"/><text x=\"" + num(px) + "\" y=\"" + num(y0 + 13) +
           "\" text-anchor=\"middle\" fill=\"#656d76\">" + short_count(t) + "</text>";
  }
  for (double t : ticks(y)) {
    const double py = y.to(t, y0, y1);
    svg += "<line x1=\"" + num(x0) + "\" y1=\"" + num(py) + "\" x2=\"" + num(x1) + "\" y2=\"" + num(py) +
           "\" stroke=\"#eaeef2\"/><text x=\"" + num(x0 - 4) + "\" y=\"" + num(py + 3) +
           "\" text-anchor=\"end\" fill=\"#656d76\">" + format_cost(t, e.unit) + "</text>";
  }
  svg += "<text x=\"" + num((x0 + x1) / 2) + "\" y=\"" + num(kHeight - 6) +
         "\" text-anchor=\"middle\" fill=\"#656d76\">n (log scale)</text>";
  const std::string what = e.unit == "instructions" ? "instructions" : "CPU time";
  svg += "<text transform=\"translate(12 " + num((y0 + y1) / 2) +
         ") rotate(-90)\" text-anchor=\"middle\" "
         "fill=\"#656d76\">" +
         what + " (log scale)</text>";
  double legend_y = kTop + 12;
  for (const Series& s : series) {
    std::string points;
    std::string marks;
    for (const ScalingPoint& p : s.curve->points) {
      if (!p.cost || *p.cost <= 0) continue;
      const double px = x.to(static_cast<double>(p.n), x0, x1), py = y.to(*p.cost, y0, y1);
      points += num(px) + "," + num(py) + " ";
      marks += "<circle cx=\"" + num(px) + "\" cy=\"" + num(py) + "\" r=\"3\" fill=\"" + s.colour + "\"/>";
    }
    if (!points.empty()) {
      svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + s.colour +
             "\" stroke-width=\"2\"/>";
      svg += marks;
    }
    svg += "<line x1=\"" + num(x1 + 10) + "\" y1=\"" + num(legend_y - 3) + "\" x2=\"" + num(x1 + 26) +
           "\" y2=\"" + num(legend_y - 3) + "\" stroke=\"" + s.colour + "\" stroke-width=\"2\"/><text x=\"" +
           num(x1 + 30) + "\" y=\"" + num(legend_y) + "\">" + s.label + "</text>";
    if (s.curve->fit) {
      svg += "<text x=\"" + num(x1 + 30) + "\" y=\"" + num(legend_y + 12) + "\" fill=\"#656d76\">" +
             format_exponent(s.curve->fit->exponent) + "</text>";
    }
    legend_y += 34;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace proctor::runner
