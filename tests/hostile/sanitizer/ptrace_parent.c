// attack: the sanitizer profile allows ptrace for LeakSanitizer's tracer; aim it at the judge instead
// profile: sanitizer
// expect: SV
// violation: ptrace
#include <stdio.h>
#include <sys/ptrace.h>
#include <unistd.h>

int main(void) {
  pid_t parent = getppid();
  if (ptrace(PTRACE_ATTACH, parent, NULL, NULL) == 0) {
    ptrace(PTRACE_DETACH, parent, NULL, NULL);
    puts("attached to the parent");
    return 42;
  }
  perror("ptrace");
  return 1;
}
