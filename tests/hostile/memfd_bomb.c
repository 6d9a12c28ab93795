// attack: hold memory outside the address space: write() 1 GiB into a memfd (never mapped), which an
// RLIMIT_AS-only limit does not see; the memory cgroup charges the page cache to the run
// expect: MLE|SV
// violation: memfd_create
// limit: memory
// options: memory_mb=64
// danger: yes
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  int fd = memfd_create("hoard", 0);
  if (fd < 0) {
    perror("memfd_create");
    return 1;
  }
  static char buf[1 << 20];
  memset(buf, 'm', sizeof buf);
  for (int i = 0; i < 1024; i++)
    if (write(fd, buf, sizeof buf) != (ssize_t)sizeof buf) {
      perror("write");
      return 1;
    }
  puts("1 GiB held in a memfd");
  return 42;
}
