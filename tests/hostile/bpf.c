// attack: load a BPF program / create a map (large kernel attack surface)
// expect: SV
// violation: bpf
#include <linux/bpf.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  union bpf_attr attr = {0};
  attr.map_type = BPF_MAP_TYPE_ARRAY;
  attr.key_size = 4;
  attr.value_size = 4;
  attr.max_entries = 1;
  long fd = syscall(__NR_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
  if (fd >= 0) {
    puts("bpf map created");
    return 42;
  }
  perror("bpf");
  return 1;
}
