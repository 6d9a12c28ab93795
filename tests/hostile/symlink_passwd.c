// attack: plant a symlink to /etc/passwd in the working directory, then read through it (path rules
// that check only the name opened, not the target, fall for this)
// expect: SV|RTE
// violation: symlinkat
// check: passwd
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  if (syscall(__NR_symlinkat, "/etc/passwd", AT_FDCWD, "innocent.txt") != 0) perror("symlinkat");
  FILE* f = fopen("innocent.txt", "r");
  if (f == NULL) {
    perror("fopen");
    return 1;
  }
  char line[512];
  while (fgets(line, sizeof line, f)) fputs(line, stdout);
  return 0;
}
