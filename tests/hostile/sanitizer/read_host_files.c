// attack: the sanitizer profile reads files: read /etc/passwd, the secret file and the judge's
// environment through /proc
// profile: sanitizer
// expect: RTE|OK
// args: {secret_path}
// check: passwd,secret,env
#include <stdio.h>
#include <unistd.h>

static void dump(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    return;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
  fclose(f);
}

int main(int argc, char **argv) {
  char path[64];
  dump("/etc/passwd");
  if (argc > 1) dump(argv[1]);
  snprintf(path, sizeof path, "/proc/%d/environ", (int)getppid());
  dump(path);
  dump("/proc/1/environ");
  return 0;
}
