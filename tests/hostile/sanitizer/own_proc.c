// attack: none; the runtime's own needs: /proc/self/maps and environ must be readable (its own only)
// profile: sanitizer
// expect: OK
// check: stdout=ok
#include <stdio.h>
#include <string.h>

int main(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int stack = 0;
  while (f && fgets(line, sizeof line, f)) stack |= strstr(line, "[stack]") != NULL;
  if (f) fclose(f);
  puts(stack ? "ok" : "no maps");
  fflush(stdout);
  return 0;
}
