/* Input validator: n (1..max-n), then n lines of two integers within 1e9. 42 valid, 43 invalid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  long max_n = 100;
  if (argc == 3 && strcmp(argv[1], "--max-n") == 0) max_n = atol(argv[2]);
  long n;
  if (scanf("%ld", &n) != 1 || n < 1 || n > max_n) { fprintf(stderr, "n out of range\n"); return 43; }
  for (long i = 0; i < n; ++i) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) { fprintf(stderr, "line %ld: two integers expected\n", i + 2); return 43; }
    if (llabs(a) > 1000000000LL || llabs(b) > 1000000000LL) { fprintf(stderr, "line %ld: out of range\n", i + 2); return 43; }
  }
  char extra;
  if (scanf(" %c", &extra) == 1) { fprintf(stderr, "trailing data\n"); return 43; }
  return 42;
}
