// attack: a 1 GiB write() from an invalid pointer: the kernel must fail it with EFAULT and the judge
// must neither crash nor record output
// expect: OK
// check: stdout=
#include <stdio.h>
#include <unistd.h>

int main(void) {
  ssize_t n = write(1, (const void*)0x1000, (size_t)1 << 30);
  if (n >= 0) return 42;
  perror("write");  // EFAULT, on stderr
  return 0;
}
