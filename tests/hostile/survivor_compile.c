// attack: leave a daemon behind: fork twice, ignore SIGHUP/SIGTERM, sleep forever, while the main
// process exits 0 as soon as the grandchild is ready (a pipe handshake, so the survivor certainly exists
// when the run "ends"); the sandbox must kill the whole tree, not just wait for the main process
// expect: OK
// profile: compile
// options: processes=8
// check: survivor
// danger: yes
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef HOSTILE_SETSID
#define HOSTILE_SETSID 0
#endif
#ifndef HOSTILE_HANDSHAKE
#define HOSTILE_HANDSHAKE 1
#endif

int main(void) {
  int ready[2] = {-1, -1};
  if (HOSTILE_HANDSHAKE && pipe(ready) != 0) return 1;
  pid_t child = fork();
  if (child < 0) return 1;
  if (child > 0) {  // the main process: wait for the grandchild (or EOF if it died), then "finish"
    char byte;
    if (HOSTILE_HANDSHAKE) {
      close(ready[1]);
      (void)!read(ready[0], &byte, 1);
    }
    return 0;
  }
  if (HOSTILE_SETSID) setsid();  // leave the process group and session of the run
  if (fork() != 0) _exit(0);
  signal(SIGHUP, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  prctl(PR_SET_NAME, "hostile-surv");
  if (HOSTILE_HANDSHAKE) {
    (void)!write(ready[1], "r", 1);
    close(ready[1]);
  }
  for (;;) pause();
}
