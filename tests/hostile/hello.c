// attack: none: a correct program; the sandbox must not get in its way
// expect: OK
// check: stdout=hello world
#include <stdio.h>

int main(void) {
  puts("hello world");
  return 0;
}
