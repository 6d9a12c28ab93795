// attack: fork bomb where fork is allowed (compile profile); the process limit must hold and the time
// limit must end the run, killing every process (each child names itself hostile-surv)
// expect: TLE
// profile: compile
// options: processes=16 time_ms=1000 wall_ms=3000
// check: survivor
// danger: yes
#include <sys/prctl.h>
#include <unistd.h>

int main(void) {
  for (;;) {
    // Failing forks (EAGAIN at the process limit) are ignored: everyone keeps spinning and retrying.
    if (fork() == 0) prctl(PR_SET_NAME, "hostile-surv");
  }
}
