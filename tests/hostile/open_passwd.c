// attack: opens /etc/passwd and prints it; the program profile grants no file at all
// expect: SV|RTE
// violation: openat
// check: passwd
#include <stdio.h>

int main(void) {
  FILE* f = fopen("/etc/passwd", "r");  // openat(AT_FDCWD, "/etc/passwd", O_RDONLY)
  if (f == NULL) {
    perror("fopen");
    return 1;
  }
  char line[512];
  while (fgets(line, sizeof line, f)) fputs(line, stdout);
  return 0;
}
