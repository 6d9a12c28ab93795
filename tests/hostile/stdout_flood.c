// attack: writes to stdout forever, trying to fill the judge's disk
// expect: OLE
// limit: output
// options: output_kb=64
// danger: yes
#include <string.h>
#include <unistd.h>

int main(void) {
  static char buf[1 << 16];
  memset(buf, 'x', sizeof buf);
  for (;;) (void)!write(1, buf, sizeof buf);  // errors (EFBIG) are ignored: keep trying
}
