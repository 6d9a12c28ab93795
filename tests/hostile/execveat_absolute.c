// attack: execveat(kExecFd, "/bin/sh", ...): with an absolute path the descriptor is ignored, so a
// filter that checks the descriptor alone lets any binary be executed (Landlock refuses it today;
// seccomp must refuse it too)
// expect: SV
// violation: execveat
// check: absent=EXECUTED
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  char* argv[] = {"sh", "-c", "echo EXECUTED", NULL};
  char* envp[] = {NULL};
  syscall(SYS_execveat, 250, "/bin/sh", argv, envp, AT_EMPTY_PATH);
  perror("execveat");
  return 0;
}
