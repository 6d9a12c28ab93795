// attack: unbounded recursion; the stack limit equals the memory limit, so this either overflows the
// stack (SIGSEGV: RTE) or hits the memory cgroup first (MLE); either is acceptable, nothing else is
// expect: RTE|MLE
// limit: memory
// options: memory_mb=64 time_ms=10000
// (time enough to touch the memory limit under emulation: tests/vm boots its kernel with QEMU TCG, where
// each page fault is slow and 1 s of CPU ran out first; on real CPUs the limit is reached in milliseconds)
#include <stdio.h>

#pragma GCC diagnostic ignored "-Winfinite-recursion"  // the point of the program

static int depth(int n) {
  volatile char frame[1024];  // 1 KiB per frame, touched, so the stack really grows
  frame[0] = (char)n;
  frame[1023] = (char)n;
  return depth(n + 1) + frame[0] + frame[1023];  // not a tail call
}

int main(void) {
  printf("%d\n", depth(0));
  return 0;
}
