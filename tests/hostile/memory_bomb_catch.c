// attack: allocate until malloc fails, then exit 0 as if nothing happened; going over the memory limit
// is an MLE even when the program survives it
// expect: MLE
// limit: memory
// options: memory_mb=64 time_ms=10000
// (time enough to touch the memory limit under emulation: tests/vm boots its kernel with QEMU TCG, where
// each page fault is slow and 1 s of CPU ran out first; on real CPUs the limit is reached in milliseconds)
// danger: yes
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  size_t total = 0;
  for (;;) {
    char* p = malloc(1 << 20);
    if (p == NULL) break;
    memset(p, 1, 1 << 20);
    total += 1 << 20;
  }
  printf("allocated %zu MiB before malloc failed\n", total >> 20);
  return 0;
}
