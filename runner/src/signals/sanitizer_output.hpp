#pragma once
// What the sanitizer runtimes print on stderr, read back: reports of AddressSanitizer, LeakSanitizer
// and UndefinedBehaviorSanitizer, each with its first stack as module+offset pairs (the run symbolizes
// nothing: see docs/signals.md, "Symbolization"). Pure text processing, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proctor::runner {

struct RawFrame {
  std::string module;  // the module's file name alone: "program", "libc.so.6"
  std::uint64_t offset = 0;
};

struct RawFinding {
  std::string tool;     // "address", "leak", "undefined"
  std::string kind;     // "heap-buffer-overflow", "memory-leak", "signed-integer-overflow"
  std::string message;  // the headline, addresses removed: "WRITE of size 4", "signed integer overflow"
  // What may carry values computed from the test's input (UBSan's operands, a leak's size): shown for
  // samples only, since a result may be shown to the candidate and a secret test reveals nothing.
  std::string detail;
  // UBSan names its own source position (file as compiled, line, column).
  std::string file;
  int line = 0, column = 0;
  std::vector<RawFrame> frames;  // the first stack, innermost first
};

// Every report in `text`, in order. Unknown lines (the program's own stderr, shadow-byte dumps) are
// skipped. At most `max_findings` reports are read.
std::vector<RawFinding> parse_sanitizer_output(std::string_view text, std::size_t max_findings = 200);

// The UBSan kind for a runtime error's message ("signed integer overflow: ..." -> "signed-integer-overflow").
std::string ubsan_kind(std::string_view message);

}  // namespace proctor::runner
