// attack: escape the verdict for a forbidden call: a fast timer whose handler has no SA_RESTART
// interrupts the forbidden socket() before the supervisor reads the seccomp notification, so the call
// returns EINTR and the program goes on (about one run in two ended OK before the fix); timers are now
// violations themselves
// expect: SV
// violation: setitimer
// check: absent=ESCAPED
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

static void on_alarm(int sig) { (void)sig; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;  // no SA_RESTART: an interrupted call returns EINTR
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval fast = {{0, 10}, {0, 10}};
  setitimer(ITIMER_REAL, &fast, NULL);
  for (int i = 0; i < 100000; ++i) {
    if (socket(AF_INET, SOCK_STREAM, 0) < 0 && errno == EINTR) {
      printf("ESCAPED after %d tries\n", i + 1);
      return 0;
    }
  }
  return 0;
}
