// attack: read the judge's memory directly with process_vm_readv (no ptrace attach needed)
// expect: SV
// violation: process_vm_readv
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
  char buf[64];
  struct iovec local = {buf, sizeof buf};
  struct iovec remote = {(void*)0x400000, sizeof buf};  // any address; the attempt is the attack
  if (process_vm_readv(getppid(), &local, 1, &remote, 1, 0) >= 0) {
    puts("read the parent's memory");
    return 42;
  }
  perror("process_vm_readv");
  return 1;
}
