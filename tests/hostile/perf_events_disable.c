// attack: prctl(PR_TASK_PERF_EVENTS_DISABLE) switches off every counter attached to the caller,
// including the supervisor's cost counter (complexity evidence): a slow program would look cheap.
// expect: SV
// violation: prctl
#include <stdio.h>
#include <sys/prctl.h>

int main(void) {
  if (prctl(PR_TASK_PERF_EVENTS_DISABLE, 0, 0, 0, 0) == 0) {
    puts("counters disabled");
    return 42;
  }
  perror("prctl");
  return 1;
}
