// attack: install a SIGSYS handler, then make a forbidden syscall: with SECCOMP_RET_TRAP the handler
// would catch the signal and the program would carry on; the violation must be fatal regardless
// expect: SV
// violation: socket
// check: absent=survived
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void on_sigsys(int sig) {
  (void)sig;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigsys;
  sigaction(SIGSYS, &sa, NULL);
  socket(AF_INET, SOCK_STREAM, 0);
  (void)!write(1, "survived\n", 9);
  return 0;
}
