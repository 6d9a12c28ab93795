// attack: forge a time-limit verdict: raise SIGXCPU at once, far below any limit; the verdict must come
// from what was measured (a run killed by a signal it sent itself is a runtime error)
// expect: RTE
// check: signal=24
#include <signal.h>

int main(void) {
  raise(SIGXCPU);
  return 0;
}
