// attack: the sanitizer profile opens files (libraries, /proc/self); open one for writing instead
// profile: sanitizer
// expect: SV
// violation: openat
// args: {marker_path}
// check: marker
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  if (write(fd, "escaped\n", 8) != 8) return 1;
  close(fd);
  return 0;
}
