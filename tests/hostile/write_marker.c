// attack: creates a file outside any work directory (in /tmp), e.g. to leave state for a later run
// expect: SV|RTE
// violation: openat
// args: {marker_path}
// check: marker
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  (void)!write(fd, "escaped\n", 8);
  close(fd);
  return 0;
}
