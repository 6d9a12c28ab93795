// attack: read whatever the judge left open: the test holds the secret file open (without O_CLOEXEC)
// while it runs the sandbox; every fd from 3 up must be closed before the program starts
// expect: OK
// check: secret
#include <stdio.h>
#include <unistd.h>

int main(void) {
  char buf[4096];
  for (int fd = 3; fd < 1024; fd++) {
    ssize_t n = pread(fd, buf, sizeof buf, 0);
    if (n > 0) {
      printf("fd %d: ", fd);
      fflush(stdout);
      (void)!write(1, buf, (size_t)n);
    }
  }
  return 0;
}
