// attack: the same as stat_host_path with statx(AT_FDCWD, path, AT_EMPTY_PATH): size, owner, inode and
// times of host files. The program must see no host file system at all.
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
    struct statx st;
    if (syscall(SYS_statx, AT_FDCWD, paths[i], AT_EMPTY_PATH, STATX_BASIC_STATS, &st) == 0) {
      printf("LEAK %s size=%llu inode=%llu uid=%u\n", paths[i], (unsigned long long)st.stx_size,
             (unsigned long long)st.stx_ino, st.stx_uid);
    }
  }
  return 0;
}
