// attack: reads a secret file (e.g. the expected answers) by path and prints it
// expect: SV|RTE
// violation: openat
// args: {secret_path}
// check: secret
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    (void)!write(1, buf, (size_t)n);
    (void)!write(2, buf, (size_t)n);
  }
  return 0;
}
