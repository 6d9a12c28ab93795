// attack: allocate and touch memory until killed, like a careless solution; no NULL check
// expect: MLE
// limit: memory
// options: memory_mb=64
// danger: yes
#include <stdlib.h>
#include <string.h>

int main(void) {
  for (;;) {
    char* p = malloc(1 << 20);
    memset(p, 1, 1 << 20);  // touch every page so it is really charged (NULL here segfaults)
  }
}
