// attack: run a shell from the sanitized program
// profile: sanitizer
// expect: SV
// violation: execve
#include <unistd.h>

int main(void) {
  char *argv[] = {"sh", "-c", "echo escaped", NULL};
  execv("/bin/sh", argv);
  return 1;
}
