// attack: kill(-1, SIGKILL) kills every process the caller may signal: as root, the whole machine.
// To keep a broken sandbox from taking the machine down, the program first probes with signal 0 (same
// syscall, same pid argument: a working sandbox kills the run right there) and never sends SIGKILL when
// the probe is permitted; it exits 42 instead, which fails the expectation.
// expect: SV
// violation: kill
// danger: yes
#include <signal.h>
#include <stdio.h>

int main(void) {
  if (kill(-1, 0) == 0) {
    puts("kill(-1, 0) was permitted; SIGKILL withheld");
    return 42;
  }
  kill(-1, SIGKILL);
  perror("kill");
  return 1;
}
