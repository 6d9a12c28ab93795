// attack: make a task the way LeakSanitizer makes its tracer (allowed clone flags) and, from it, ptrace
// the judge (the tracer's parent's parent)
// profile: sanitizer
// expect: SV|RTE
// violation: ptrace
// check: absent=attached
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t judge;

static int tracer(void *arg) {
  (void)arg;
  if (ptrace(PTRACE_ATTACH, judge, NULL, NULL) == 0) {
    ptrace(PTRACE_DETACH, judge, NULL, NULL);
    puts("attached to the judge");
    fflush(stdout);
  }
  return 0;
}

int main(void) {
  judge = getppid();
  char *stack = malloc(1 << 16);
  pid_t pid = clone(tracer, stack + (1 << 16), CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_UNTRACED, NULL);
  if (pid < 0) {
    perror("clone");
    return 1;
  }
  waitpid(pid, NULL, __WALL);
  return 0;
}
