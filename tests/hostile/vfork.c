// attack: vfork is a separate syscall from clone and fork; a filter that forgets it lets processes out
// expect: SV
// violation: vfork
// danger: yes
#include <stdio.h>
#include <unistd.h>

int main(void) {
  pid_t pid = vfork();
  if (pid == 0) _exit(0);
  printf("vfork returned %d\n", (int)pid);
  return 42;
}
