#include "proctor/runner/verdict.hpp"

#include <array>
#include <utility>

namespace proctor::runner {
namespace {

constexpr std::array<std::pair<Verdict, std::string_view>, 11> kVerdicts = {{
    {Verdict::AC, "AC"},
    {Verdict::WA, "WA"},
    {Verdict::TLE, "TLE"},
    {Verdict::MLE, "MLE"},
    {Verdict::RTE, "RTE"},
    {Verdict::OLE, "OLE"},
    {Verdict::SV, "SV"},
    {Verdict::CE, "CE"},
    {Verdict::JE, "JE"},
    {Verdict::NS, "NS"},
    {Verdict::skipped, "skipped"},
}};

constexpr std::array<std::pair<CompileStatus, std::string_view>, 8> kCompileStatuses = {{
    {CompileStatus::OK, "OK"},
    {CompileStatus::CE, "CE"},
    {CompileStatus::TLE, "TLE"},
    {CompileStatus::MLE, "MLE"},
    {CompileStatus::OLE, "OLE"},
    {CompileStatus::RTE, "RTE"},
    {CompileStatus::SV, "SV"},
    {CompileStatus::JE, "JE"},
}};

template <typename Table, typename E>
std::string_view name_of(const Table& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <typename E, typename Table>
std::optional<E> value_of(const Table& table, std::string_view text) {
  for (const auto& [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  return name_of(kVerdicts, verdict);
}

std::optional<Verdict> verdict_from_string(std::string_view text) {
  return value_of<Verdict>(kVerdicts, text);
}

std::string_view verdict_label(Verdict verdict) {
  switch (verdict) {
    case Verdict::AC:
      return "Accepted";
    case Verdict::WA:
      return "Wrong answer";
    case Verdict::TLE:
      return "Time limit exceeded";
    case Verdict::MLE:
      return "Memory limit exceeded";
    case Verdict::RTE:
      return "Runtime error";
    case Verdict::OLE:
      return "Output limit exceeded";
    case Verdict::SV:
      return "Security violation";
    case Verdict::CE:
      return "Compilation error";
    case Verdict::JE:
      return "Judge error";
    case Verdict::NS:
      return "No submission";
    case Verdict::skipped:
      return "Skipped";
  }
  return "?";
}

std::string_view to_string(CompileStatus status) {
  return name_of(kCompileStatuses, status);
}

std::optional<CompileStatus> compile_status_from_string(std::string_view text) {
  return value_of<CompileStatus>(kCompileStatuses, text);
}

}  // namespace proctor::runner
