// attack: allocate until malloc fails, then exit 0 as if nothing happened; going over the memory limit
// is an MLE even when the program survives it
// expect: MLE
// limit: memory
// options: memory_mb=64
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
