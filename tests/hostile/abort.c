// attack: abort() raises SIGABRT through rt_sigprocmask + tgkill; tgkill on itself must be allowed
// expect: RTE
// check: signal=6
#include <stdlib.h>

int main(void) {
  abort();  // glibc: raise(SIGABRT) -> tgkill(getpid(), gettid(), SIGABRT)
}
