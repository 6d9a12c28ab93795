// attack: chroot, classic step of a chroot escape (and a way to confuse path-based rules)
// expect: SV
// violation: chroot
#include <stdio.h>
#include <unistd.h>

int main(void) {
  if (chroot("/") == 0) {
    puts("chroot succeeded");
    return 42;
  }
  perror("chroot");
  return 1;
}
