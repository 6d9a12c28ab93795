// attack: make tasks with the tracer's allowed clone flags until something gives
// profile: sanitizer
// expect: OK|RTE
// check: survivor,stdout=1
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

static int sleeper(void *arg) {
  (void)arg;
  prctl(PR_SET_NAME, "hostile-surv");
  for (;;) pause();
  return 0;
}

int main(void) {
  int made = 0;
  for (int i = 0; i < 1000; i++) {
    char *stack = malloc(1 << 14);
    if (clone(sleeper, stack + (1 << 14), CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_UNTRACED, NULL) < 0) break;
    made++;
  }
  printf("%d\n", made);  // 1: the pids limit (the program and one tracer) stops the second
  fflush(stdout);
  return 0;
}
