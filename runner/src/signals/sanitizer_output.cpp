// Reads sanitizer reports line by line. The formats are the GCC 12 runtimes' (libasan 8, libubsan 1)
// with symbolize=0: frames read "#N 0xADDR  (/path/module+0xOFFSET)", and every address printed is
// already the call's own instruction (the runtime subtracts one from return addresses), so offsets go
// to addr2line unchanged.
#include "signals/sanitizer_output.hpp"

#include <regex>
#include <sstream>

namespace proctor::runner {
namespace {

const std::regex kFrame(R"(^\s*#(\d+) 0x[0-9a-f]+\s+\((.*)\+0x([0-9a-f]+)\)\s*$)");
const std::regex kAsanHeader(R"(^==\d+==ERROR: AddressSanitizer: ([A-Za-z0-9_-]+)(.*)$)");
const std::regex kLeakHeader(R"(^==\d+==ERROR: LeakSanitizer: detected memory leaks\s*$)");
const std::regex kLeakBlock(
    R"(^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:\s*$)");
const std::regex kUbsan(R"(^(.+?):(\d+):(\d+): runtime error: (.*)$)");
const std::regex kAccess(R"(^(READ|WRITE) of size (\d+) at 0x[0-9a-f]+ thread (\S+)\s*$)");
const std::regex kHex(R"(0x[0-9a-f]+)");

std::string module_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string without_addresses(const std::string& s) {
  std::string out = std::regex_replace(s, kHex, "");
  // "on address  at pc  bp  sp " -> tidy spaces left by removed addresses.
  static const std::regex kSpaces(R"(\s{2,})");
  out = std::regex_replace(out, kSpaces, " ");
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string ubsan_kind(std::string_view message) {
  struct Rule {
    const char* prefix;
    const char* kind;
  };
  static const Rule kRules[] = {
      {"signed integer overflow", "signed-integer-overflow"},
      {"negation of", "signed-integer-overflow"},
      {"division by zero", "integer-divide-by-zero"},
      {"division of", "signed-integer-overflow"},
      {"shift exponent", "shift-exponent"},
      {"left shift of", "shift-base"},
      {"index ", "bounds"},
      {"load of null pointer", "null"},
      {"store to null pointer", "null"},
      {"member access within null pointer", "null"},
      {"member access within misaligned", "alignment"},
      {"load of misaligned", "alignment"},
      {"store to misaligned", "alignment"},
      {"applying non-zero offset", "pointer-overflow"},
      {"applying zero offset to null pointer", "pointer-overflow"},
      {"pointer index expression", "pointer-overflow"},
      {"addition of unsigned offset", "pointer-overflow"},
      {"subtraction of unsigned offset", "pointer-overflow"},
      {"execution reached the end of a value-returning function", "return"},
      {"execution reached an unreachable program point", "unreachable"},
      {"variable length array bound", "vla-bound"},
      {"null pointer passed as argument", "nonnull-attribute"},
      {"null pointer returned from function", "returns-nonnull-attribute"},
      {"passing zero to", "builtin"},
      {"value ", "float-cast-overflow"},
  };
  for (const Rule& r : kRules) {
    if (message.rfind(r.prefix, 0) == 0) return r.kind;
  }
  if (message.find("is not a valid value for type") != std::string_view::npos) return "invalid-value";
  return "undefined-behavior";
}

std::vector<RawFinding> parse_sanitizer_output(std::string_view text, std::size_t max_findings) {
  std::vector<RawFinding> out;
  std::istringstream in{std::string(text)};
  std::string line;
  RawFinding* open = nullptr;  // the report whose first stack is being read
  bool in_stack = false;       // inside that stack's frames
  bool stack_done = false;     // its first stack ended: later stacks (allocation, free) are not read
  std::string leak_headline;
  bool in_leaks = false;
  auto start = [&](RawFinding f) {
    if (out.size() >= max_findings) {
      open = nullptr;
      return;
    }
    out.push_back(std::move(f));
    open = &out.back();
    in_stack = false;
    stack_done = false;
  };
  while (std::getline(in, line)) {
    if (line.size() > 4096) continue;  // nothing a runtime prints; the program's own output
    std::smatch m;
    if (std::regex_match(line, m, kFrame)) {
      if (open && !stack_done && open->frames.size() < 64) {
        open->frames.push_back({module_name(m[2]), std::stoull(m[3], nullptr, 16)});
        in_stack = true;
      }
      continue;
    }
    if (in_stack) {  // any other line ends a stack
      in_stack = false;
      stack_done = true;
    }
    if (std::regex_match(line, m, kAsanHeader)) {
      in_leaks = false;
      RawFinding f;
      f.tool = "address";
      f.kind = m[1];
      f.message = m[1];  // "heap-buffer-overflow"; the access line, when one follows, says more
      start(std::move(f));
    } else if (std::regex_match(line, m, kLeakHeader)) {
      in_leaks = true;
      open = nullptr;
    } else if (in_leaks && std::regex_match(line, m, kLeakBlock)) {
      RawFinding f;
      f.tool = "leak";
      f.kind = "memory-leak";
      f.message = m[1].str() + " leak";
      f.detail = m[2].str() + " byte(s) in " + m[3].str() + " object(s)";
      start(std::move(f));
    } else if (std::regex_match(line, m, kUbsan)) {
      in_leaks = false;
      RawFinding f;
      f.tool = "undefined";
      const std::string message = m[4];
      f.kind = ubsan_kind(message);
      // "signed integer overflow: 5 + 2147483647 cannot be represented in type 'int'": the words
      // before the colon are the kind of error; the operands after it came from the input.
      const auto colon = message.find(": ");
      f.message = without_addresses(colon == std::string::npos ? message : message.substr(0, colon));
      if (colon != std::string::npos) f.detail = without_addresses(message.substr(colon + 2));
      f.file = m[1];
      f.line = std::stoi(m[2]);
      f.column = std::stoi(m[3]);
      start(std::move(f));
    } else if (open && open->tool == "address" && open->frames.empty() &&
               std::regex_match(line, m, kAccess)) {
      open->message = m[1].str() + " of size " + m[2].str();  // the code's access, not the input's
    }
  }
  return out;
}

}  // namespace proctor::runner
