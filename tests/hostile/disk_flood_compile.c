// attack: the compile profile may write its work directory; fill the disk with one ever-growing file
// Without root the compile profile's first process is the init of a pid namespace of its own, which
// ignores the SIGXFSZ of its own oversized write: its writes fail (EFBIG) and it spins until the CPU
// limit. Either way the file stops growing at the output limit (RLIMIT_FSIZE).
// expect: OLE|TLE
// limit: output|cpu
// profile: compile
// options: output_kb=64
// danger: yes
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  int fd = open("flood.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  static char buf[1 << 16];
  memset(buf, 'd', sizeof buf);
  for (;;) (void)!write(fd, buf, sizeof buf);  // EFBIG is ignored: keep trying (SIGXFSZ must end it)
}
