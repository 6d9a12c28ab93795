// attack: tkill, the older thread-directed call, aimed at the supervisor; no current C library uses
// it, so a program has no reason to make it. Signal 0 first, so a broken sandbox never kills anything.
// expect: SV
// violation: tkill
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  if (syscall(SYS_tkill, getppid(), 0) == 0) {
    puts("tkill(parent, 0) was permitted");
    return 42;
  }
  perror("tkill");
  return 1;
}
