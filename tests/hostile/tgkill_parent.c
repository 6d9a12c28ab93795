// attack: signal the supervisor (or any other process) with tgkill, the thread-directed call that
// raise() needs: on kernels without Landlock's signal scope (before 6.12), a normal user's run could
// kill Proctor or a concurrently graded candidate, who would then be blamed with RTE. The program may
// signal itself only. Signal 0 first, so a broken sandbox never kills anything.
// expect: SV
// violation: tgkill
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  const pid_t parent = getppid();
  if (syscall(SYS_tgkill, parent, parent, 0) == 0) {
    puts("tgkill(parent, 0) was permitted");
    return 42;
  }
  perror("tgkill");
  return 1;
}
