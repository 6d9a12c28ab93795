/* The honest floor for launching a program: a small process (this one, a few hundred KiB mapped)
 * starts the same binary N times and reaps it with wait4, with no isolation at all. scripts/bench
 * compiles it with gcc -O2 and interleaves its rounds with the sandbox's, so both see the same load.
 *
 * Usage: floor spawn|fork RUNS BINARY [STDIN]
 *   spawn  posix_spawn + wait4 (glibc uses clone(CLONE_VM|CLONE_VFORK): no page tables copied)
 *   fork   fork + execv + wait4
 * With STDIN, every run opens that file as its standard input and /dev/null as its standard output,
 * like a graded test does. Prints two numbers: mean wall milliseconds per run, and mean CPU
 * milliseconds per run (this process and its children, user + system; what a loaded machine hides
 * least). Exit 1 if any run fails. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double cpu_ms(void) {
  struct rusage self, children;
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  const struct timeval* all[] = {&self.ru_utime, &self.ru_stime, &children.ru_utime, &children.ru_stime};
  double ms = 0;
  for (int i = 0; i < 4; ++i) ms += (double)all[i]->tv_sec * 1e3 + (double)all[i]->tv_usec / 1e3;
  return ms;
}

static int reap(pid_t pid) {
  int status;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) != pid) return 0;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int run_spawn(char* binary, const char* input) {
  char* argv[] = {binary, NULL};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input) {
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid;
  int rc = posix_spawn(&pid, binary, &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 && reap(pid);
}

static int run_fork(char* binary, const char* input) {
  char* argv[] = {binary, NULL};
  pid_t pid = fork();
  if (pid < 0) return 0;
  if (pid == 0) {
    if (input) {
      int in = open(input, O_RDONLY), out = open("/dev/null", O_WRONLY);
      if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0) _exit(126);
    }
    execv(binary, argv);
    _exit(127);
  }
  return reap(pid);
}

int main(int argc, char** argv) {
  if (argc < 4 || (strcmp(argv[1], "spawn") != 0 && strcmp(argv[1], "fork") != 0)) {
    fprintf(stderr, "usage: floor spawn|fork RUNS BINARY [STDIN]\n");
    return 2;
  }
  const int spawn = strcmp(argv[1], "spawn") == 0;
  const int runs = atoi(argv[2]);
  const char* input = argc > 4 ? argv[4] : NULL;
  if (runs <= 0) {
    fprintf(stderr, "floor: RUNS must be positive, not %s\n", argv[2]);
    return 2;
  }
  const double start = now_ms(), start_cpu = cpu_ms();
  for (int i = 0; i < runs; ++i) {
    if (!(spawn ? run_spawn(argv[3], input) : run_fork(argv[3], input))) {
      fprintf(stderr, "floor: run %d of %s failed\n", i, argv[3]);
      return 1;
    }
  }
  printf("%.4f %.4f\n", (now_ms() - start) / runs, (cpu_ms() - start_cpu) / runs);
  return 0;
}
