// attack: unshare a user namespace to become "root" in it, the usual first step of kernel exploits
// expect: SV
// violation: unshare
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>

int main(void) {
  if (unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0) {
    puts("unshared");
    return 42;
  }
  perror("unshare");
  return 1;
}
