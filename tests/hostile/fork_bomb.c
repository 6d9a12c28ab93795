// attack: classic fork bomb; the program profile allows no process creation at all
// expect: SV
// violation: clone
// check: survivor
// danger: yes
#include <sys/prctl.h>
#include <unistd.h>

int main(void) {
  for (;;) {
    // glibc 2.36 fork() is the clone syscall with SIGCHLD; the first call must kill the run.
    if (fork() == 0) prctl(PR_SET_NAME, "hostile-surv");
  }
}
