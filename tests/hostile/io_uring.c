// attack: io_uring performs file and network operations that seccomp never sees; setting up a ring is
// the first step of bypassing the filter
// expect: SV
// violation: io_uring_setup
#include <linux/io_uring.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  struct io_uring_params params = {0};
  long fd = syscall(__NR_io_uring_setup, 8, &params);
  if (fd >= 0) {
    puts("io_uring ring created");
    return 42;
  }
  perror("io_uring_setup");
  return 1;
}
