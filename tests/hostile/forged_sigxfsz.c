// attack: forge an output-limit verdict: raise SIGXFSZ without writing a byte
// expect: RTE
// check: signal=25
#include <signal.h>

int main(void) {
  raise(SIGXFSZ);
  return 0;
}
