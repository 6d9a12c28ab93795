// attack: writes to stderr forever, trying to fill the judge's disk
// expect: OLE
// limit: output
// options: output_kb=64
// danger: yes
#include <string.h>
#include <unistd.h>

int main(void) {
  static char buf[1 << 16];
  memset(buf, 'e', sizeof buf);
  for (;;) (void)!write(2, buf, sizeof buf);
}
