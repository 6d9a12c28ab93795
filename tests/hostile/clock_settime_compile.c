// attack: set the machine's clock from the compile profile (a year back): every wall-clock limit,
// session deadline and timestamp of the judge would be wrong. Needs CAP_SYS_TIME, which the run's own
// uid lacks; the compile profile's denylist names the call
// expect: SV
// profile: compile
// violation: clock_settime|settimeofday|clock_adjtime|adjtimex
// check: absent=clock changed
#include <stdio.h>
#include <time.h>

int main(void) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  now.tv_sec -= 365L * 24 * 3600;
  if (clock_settime(CLOCK_REALTIME, &now) == 0) {
    puts("clock changed by a year");
    return 42;
  }
  perror("clock_settime");
  return 0;
}
