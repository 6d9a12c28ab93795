// attack: kill(0, SIGKILL) signals the caller's whole process group, which may contain the judge if the
// sandbox does not give the run its own group. Probes with signal 0 first (see kill_all.c).
// expect: SV
// violation: kill
// danger: yes
#include <signal.h>
#include <stdio.h>

int main(void) {
  if (kill(0, 0) == 0) {
    puts("kill(0, 0) was permitted; SIGKILL withheld");
    return 42;
  }
  kill(0, SIGKILL);
  perror("kill");
  return 1;
}
