// attack: sleeps forever without using CPU; only the wall-clock limit can end it
// expect: TLE
// limit: wall
// options: time_ms=500 wall_ms=1000
#include <unistd.h>

int main(void) {
  for (;;) sleep(100);
}
