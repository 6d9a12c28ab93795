// attack: pin memory so the kernel can never reclaim it (mlockall of everything, present and future,
// then 256 MiB touched): locked pages count against RLIMIT_MEMLOCK (a few MiB for a normal uid) and
// the memory cgroup still charges them, so the run gets an error or a memory limit, never 256 MiB of
// the machine's RAM pinned
// expect: OK|MLE|RTE|SV
// profile: compile
// options: memory_mb=128
// check: absent=pinned 256 MiB
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
  if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0) {
    perror("mlockall");
    return 0;
  }
  size_t size = 256UL << 20;
  char* p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    return 0;
  }
  memset(p, 1, size);
  puts("pinned 256 MiB");
  return 42;
}
