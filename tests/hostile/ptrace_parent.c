// attack: attach to the judge with ptrace to read or rewrite its memory. If the attach succeeds the
// program detaches at once (resuming the judge) and exits 42.
// expect: SV
// violation: ptrace
// danger: yes
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
