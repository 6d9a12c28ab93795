// attack: raise RLIMIT_CPU to infinity and ignore SIGXCPU, then spin: the CPU limit must not depend on
// anything the program can change
// expect: TLE
// limit: cpu
#include <signal.h>
#include <sys/resource.h>

int main(void) {
  signal(SIGXCPU, SIG_IGN);
  struct rlimit unlimited = {RLIM_INFINITY, RLIM_INFINITY};
  setrlimit(RLIMIT_CPU, &unlimited);  // fails without CAP_SYS_RESOURCE; then try the soft limit only
  struct rlimit current;
  if (getrlimit(RLIMIT_CPU, &current) == 0) {
    current.rlim_cur = current.rlim_max;
    setrlimit(RLIMIT_CPU, &current);
  }
  volatile unsigned long n = 0;
  for (;;) n++;
}
