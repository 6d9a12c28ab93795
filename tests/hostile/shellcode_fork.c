// attack: JIT-style shellcode in an RWX mapping that makes a raw fork syscall (mov eax,57; syscall;
// ret), bypassing libc; the seccomp filter must catch the syscall (or refuse the executable mapping)
// expect: SV
// danger: yes
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  static const unsigned char code[] = {0xb8, 57,   0, 0, 0,  // mov eax, 57 (fork)
                                       0x0f, 0x05,           // syscall
                                       0xc3};                // ret
  void* page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) {
    perror("mmap");
    return 1;
  }
  memcpy(page, code, sizeof code);
  long pid = ((long (*)(void))page)();
  if (pid == 0) _exit(0);  // the child, if fork went through
  printf("fork via shellcode returned %ld\n", pid);
  return 42;
}
