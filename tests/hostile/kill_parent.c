// attack: kill the judge: kill(getppid(), SIGKILL). Probes with signal 0 first (see kill_all.c).
// expect: SV
// violation: kill
// danger: yes
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  pid_t parent = getppid();
  if (kill(parent, 0) == 0) {
    puts("kill(getppid(), 0) was permitted; SIGKILL withheld");
    return 42;
  }
  kill(parent, SIGKILL);
  perror("kill");
  return 1;
}
