// attack: raw clone3 asking for a plain child process. seccomp cannot read clone3's flags (they are in
// memory), so the usual answer is ENOSYS (glibc then falls back to clone), or a kill; a child must never
// start. A child that did start would name itself hostile-surv and wait forever.
// expect: OK|SV
// violation: clone3
// check: survivor
// danger: yes
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  struct clone_args args = {.exit_signal = SIGCHLD};
  long pid = syscall(__NR_clone3, &args, sizeof args);
  if (pid == 0) {
    prctl(PR_SET_NAME, "hostile-surv");
    for (;;) pause();
  }
  if (pid > 0) {
    printf("clone3 started child %ld\n", pid);
    return 42;
  }
  if (errno == ENOSYS) return 0;  // the harmless outcome
  perror("clone3");
  return 1;
}
