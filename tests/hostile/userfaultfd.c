// attack: userfaultfd, the classic way to stop the kernel in the middle of a copy from user memory
// and widen a race in a kernel exploit; no C program needs it
// expect: SV
// violation: userfaultfd
// check: absent=userfaultfd open
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  long fd = syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);
  if (fd >= 0) {
    puts("userfaultfd open");
    return 42;
  }
  perror("userfaultfd");
  return 0;
}
