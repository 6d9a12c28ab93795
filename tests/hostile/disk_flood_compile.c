// attack: the compile profile may write its work directory; fill the disk with one ever-growing file
// expect: OLE
// limit: output
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
