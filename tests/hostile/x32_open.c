// attack: open /etc/passwd through the x32 ABI (__X32_SYSCALL_BIT | 2 = open); the syscall arrives with
// the x86_64 audit arch, so a filter that compares only the low bits of the number would miss it
// expect: SV
// violation: x32:open
// check: passwd
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  long fd;
  __asm__ volatile("syscall"
                   : "=a"(fd)
                   : "a"(0x40000000L | 2L), "D"("/etc/passwd"), "S"((long)O_RDONLY), "d"(0L)
                   : "rcx", "r11", "memory");
  if (fd < 0) {
    printf("x32 open failed: %ld\n", fd);
    return 1;
  }
  char buf[4096];
  ssize_t n;
  while ((n = read((int)fd, buf, sizeof buf)) > 0) (void)!write(1, buf, (size_t)n);
  return 42;
}
