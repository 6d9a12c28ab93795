// attack: mount a fresh tmpfs to change what paths mean. The target does not exist, so even an
// unconfined run changes nothing on the machine; the attempt itself must be the violation.
// expect: SV
// violation: mount
#include <stdio.h>
#include <sys/mount.h>

int main(void) {
  if (mount("none", "/proctor-hostile-nonexistent-mountpoint", "tmpfs", 0, NULL) == 0) {
    puts("mounted");
    return 42;
  }
  perror("mount");
  return 1;
}
