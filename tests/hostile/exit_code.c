// attack: none: exits with status 3, which must be reported as a runtime error with its exit code
// expect: RTE
// check: exit=3
#include <stdlib.h>

int main(void) {
  return 3;
}
