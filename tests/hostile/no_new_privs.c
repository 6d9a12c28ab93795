// attack: none really: prctl(PR_SET_NO_NEW_PRIVS) only restricts the caller further. Allowing it (OK)
// or refusing prctl altogether (SV prctl) are both acceptable; anything else is a sandbox bug.
// expect: OK|SV
// violation: prctl
#include <stdio.h>
#include <sys/prctl.h>

int main(void) {
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  puts("done");
  return 0;
}
