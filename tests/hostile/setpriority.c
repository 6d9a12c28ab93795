// attack: raise its own scheduling priority to starve everything else on the machine (needs root's
// CAP_SYS_NICE: fine when the sandbox drops privileges or refuses the call, an escape when it succeeds)
// expect: OK|SV
// violation: setpriority
// check: absent=priority raised
#include <stdio.h>
#include <sys/resource.h>

int main(void) {
  if (setpriority(PRIO_PROCESS, 0, -20) == 0) {
    puts("priority raised to -20");
    return 42;
  }
  puts("refused");
  return 0;
}
