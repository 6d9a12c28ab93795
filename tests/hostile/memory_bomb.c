// attack: allocate and touch memory until killed, like a careless solution; no NULL check
// expect: MLE
// limit: memory
// options: memory_mb=64 time_ms=10000
// (time enough to touch the memory limit under emulation: tests/vm boots its kernel with QEMU TCG, where
// each page fault is slow and 1 s of CPU ran out first; on real CPUs the limit is reached in milliseconds)
// danger: yes
#include <stdlib.h>
#include <string.h>

int main(void) {
  for (;;) {
    char* p = malloc(1 << 20);
    memset(p, 1, 1 << 20);  // touch every page so it is really charged (NULL here segfaults)
  }
}
