// attack: a 1 GiB zero-initialised static array (.bss) that is touched; the binary itself is tiny, so
// only the memory limit can stop it (at exec time with an address-space limit, or when touched)
// expect: MLE
// limit: memory
// options: memory_mb=64
#include <stdio.h>

static char big[1 << 30];

int main(void) {
  for (size_t i = 0; i < sizeof big; i += 4096) big[i] = 1;
  printf("%d\n", big[12345 * 4096]);
  return 0;
}
