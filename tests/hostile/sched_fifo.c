// attack: become a realtime task (SCHED_FIFO, top priority), first raising RLIMIT_RTPRIO as far as
// the hard limit lets it, then spin: a realtime spinner starves the supervisor, the judge and every
// normal task on its core. The sandbox's run identity has no CAP_SYS_NICE and an RLIMIT_RTPRIO of 0;
// the program profile forbids the call outright
// expect: SV
// violation: sched_setscheduler|prlimit64|setrlimit
// check: absent=realtime granted
#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>

int main(void) {
  struct rlimit r;
  if (getrlimit(RLIMIT_RTPRIO, &r) == 0) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_RTPRIO, &r);
  }
  struct sched_param p = {.sched_priority = 99};
  for (int prio = 99; prio > 0; prio -= 49) {
    p.sched_priority = prio;
    if (sched_setscheduler(0, SCHED_FIFO, &p) == 0) {
      printf("realtime granted at priority %d\n", prio);
      fflush(stdout);
      for (volatile unsigned long i = 0; i < 4000000000UL; ++i) {
      }
      return 42;
    }
  }
  perror("sched_setscheduler");
  return 0;
}
