// attack: learn the size, owner and inode of host files (a hidden test's answer among them) with
// newfstatat(path, AT_EMPTY_PATH): the flag only matters for an empty path, so a filter that allows
// fstat() this way allows stat() of any path. The program must see no host file system at all.
// expect: OK|SV
// check: absent=LEAK
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  const char* paths[] = {"/etc/passwd", "/usr/bin/gcc", "/tmp", "/proc/self/status", "/bin/sh", "../../etc/passwd"};
  for (unsigned i = 0; i < sizeof paths / sizeof *paths; ++i) {
    struct stat st;
    if (syscall(SYS_newfstatat, AT_FDCWD, paths[i], &st, AT_EMPTY_PATH) == 0) {
      printf("LEAK %s size=%lld inode=%llu uid=%u\n", paths[i], (long long)st.st_size,
             (unsigned long long)st.st_ino, st.st_uid);
    }
  }
  return 0;
}
