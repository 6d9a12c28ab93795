// A fuzz target that aborts on an input starting with "crash": the suite runs it through tests/fuzz/run
// on a seed that does, to show that a finding fails the suite (libFuzzer's own exit code for a crash is
// 77, which ctest would otherwise take for "skipped").
#include <cstdint>
#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size >= 5 && std::memcmp(data, "crash", 5) == 0) std::abort();
  return 0;
}
