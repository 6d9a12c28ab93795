// attack: open /etc/passwd through the 32-bit entry point (int 0x80, i386 syscall 5 = open); a seccomp
// filter that only checks x86_64 syscall numbers would let this through (5 is fstat on x86_64)
// expect: SV
// violation: i386:open
// check: passwd
// requires: ia32
#include <stdio.h>
#include <unistd.h>

// A static non-PIE binary: this string is below 4 GiB, so its address fits the 32-bit ABI's registers.
static const char path[] = "/etc/passwd";

int main(void) {
  long fd;
  __asm__ volatile("int $0x80" : "=a"(fd) : "a"(5L), "b"(path), "c"(0L), "d"(0L) : "memory");
  if (fd < 0) {
    printf("int 0x80 open failed: %ld\n", fd);
    return 1;
  }
  char buf[4096];
  ssize_t n;
  while ((n = read((int)fd, buf, sizeof buf)) > 0) (void)!write(1, buf, (size_t)n);
  return 42;
}
