// attack: integer division by zero; SIGFPE must be an RTE
// expect: RTE
// check: signal=8
#include <stdio.h>

int main(void) {
  volatile int zero = 0;
  volatile int x = 42 / zero;  // idiv traps: SIGFPE
  printf("%d\n", x);
  return 0;
}
