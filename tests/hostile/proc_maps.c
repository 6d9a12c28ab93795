// attack: read /proc/self/maps (addresses for exploits; /proc also leads to other processes' files)
// expect: SV|RTE
// violation: openat
// check: absent=[stack]
#include <stdio.h>

int main(void) {
  FILE* f = fopen("/proc/self/maps", "r");
  if (f == NULL) {
    perror("fopen");
    return 1;
  }
  char line[512];
  while (fgets(line, sizeof line, f)) fputs(line, stdout);
  return 0;
}
