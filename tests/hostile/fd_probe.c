// attack: look for file descriptors leaked by the judge (sockets, the report file, other runs' files)
// expect: OK
// check: stdout=0
#include <fcntl.h>
#include <stdio.h>

int main(void) {
  int open_fds = 0;
  for (int fd = 3; fd < 1024; fd++)
    if (fcntl(fd, F_GETFD) != -1) open_fds++;
  printf("%d\n", open_fds);
  return 0;
}
