// attack: the sanitizer profile allows one kind of clone (LeakSanitizer's tracer); fork a process
// profile: sanitizer
// expect: SV
// violation: clone
#include <stdio.h>
#include <unistd.h>

int main(void) {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  puts(pid > 0 ? "forked" : "fork failed");
  return 0;
}
