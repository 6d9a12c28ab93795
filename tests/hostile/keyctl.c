// attack: read the session keyring (keys are not namespaced: credentials of the judge's user)
// expect: SV
// violation: keyctl
#include <linux/keyctl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  long id = syscall(__NR_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
  if (id >= 0) {
    printf("session keyring %ld\n", id);
    return 42;
  }
  perror("keyctl");
  return 1;
}
