// attack: dereferences a null pointer; SIGSEGV must be an RTE, not a judge error
// expect: RTE
// check: signal=11
#include <stdio.h>

int main(void) {
  volatile int* p = NULL;
  *p = 1;  // SIGSEGV
  puts("not reached");
  return 0;
}
