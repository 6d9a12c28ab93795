// attack: perf_event_open (side channels, kernel attack surface, observing other processes)
// expect: SV
// violation: perf_event_open
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.size = sizeof attr;
  attr.type = PERF_TYPE_SOFTWARE;
  attr.config = PERF_COUNT_SW_CPU_CLOCK;
  long fd = syscall(__NR_perf_event_open, &attr, 0, -1, -1, 0);
  if (fd >= 0) {
    puts("perf event opened");
    return 42;
  }
  perror("perf_event_open");
  return 1;
}
