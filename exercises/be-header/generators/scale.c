/* Scaling family for be-header (complexity evidence): 8 valid WRITE requests,
 * each carrying exactly N blocks of 64 bytes, so every line is 2 * (24 + 64 N)
 * hex digits long and the input grows exactly linearly with N.
 * usage: scale SEED N */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t st;
static uint64_t rnd(void) {
  uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static void put(uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; i--) printf("%02x", (unsigned)(v >> (8 * i)) & 0xff);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: scale SEED N\n");
    return 2;
  }
  st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 17;
  const uint64_t n = strtoull(argv[2], 0, 10), bs = 64, dev = 1ULL << 40, lines = 8;
  printf("%llu %llu %llu\n", (unsigned long long)dev, (unsigned long long)bs, (unsigned long long)lines);
  for (uint64_t k = 0; k < lines; k++) {
    put(0x50524F43, 4);
    put(1, 1);
    put(rnd() % 4, 1);
    put(2, 2);
    put(rnd() % (dev - n), 8);
    put(n, 4);
    put(n * bs, 4);
    for (uint64_t i = 0; i < n * bs; i++) put(rnd() & 0xff, 1);
    putchar('\n');
  }
  return 0;
}
