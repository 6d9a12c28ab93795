/* Scaling family for log-levels (complexity evidence): N well-formed lines
 * over exactly N/4 distinct 12-character components (each one first seen in
 * order, then drawn at random), short messages. A linear scan of the
 * components seen so far costs about N * N/8 comparisons; a hash table or a
 * sort N or N log N, over a table small enough to stay in the caches.
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

static void component(uint64_t id, char out[13]) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t x = id * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
  for (int i = 0; i < 12; i++) {
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ULL;
    out[i] = alphabet[(x >> 40) % 36];
  }
  out[12] = '\0';
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: scale SEED N\n");
    return 2;
  }
  st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 19;
  const uint64_t n = strtoull(argv[2], 0, 10), distinct = n / 4 ? n / 4 : 1;
  static const char* levels[] = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
  char name[13];
  for (uint64_t k = 0; k < n; k++) {
    component(k < distinct ? k : rnd() % distinct, name);
    printf("20%02d-%02d-%02dT%02d:%02d:%02dZ %s %s: m%llu\n", (int)(rnd() % 100), (int)(1 + rnd() % 12),
           (int)(1 + rnd() % 28), (int)(rnd() % 24), (int)(rnd() % 60), (int)(rnd() % 60), levels[rnd() % 6],
           name, (unsigned long long)(rnd() % 1000));
  }
  return 0;
}
