// attack: in the compile profile, create one namespace with clone(CLONE_NEWUSER): the filter refused
// only a clone with all seven CLONE_NEW* bits set
// profile: compile
// expect: SV
// violation: clone
// check: absent=CREATED
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  static const int flags[] = {CLONE_NEWUSER, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUTS,
                              CLONE_NEWIPC, CLONE_NEWCGROUP};
  for (unsigned i = 0; i < sizeof flags / sizeof flags[0]; ++i) {
    long pid = syscall(SYS_clone, flags[i] | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) _exit(0);
    if (pid > 0) {
      waitpid((pid_t)pid, NULL, 0);
      printf("CREATED a namespace with flag %#x\n", flags[i]);
    }
  }
  return 0;
}
