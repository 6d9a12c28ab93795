/* One integer 1..MAX on a line, MAX from "--max MAX" (the group's input_validator_flags): exit 42 valid,
 * 43 invalid (Kattis). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char** argv) {
  long max = 0;
  for (int i = 1; i + 1 < argc; ++i)
    if (strcmp(argv[i], "--max") == 0) max = atol(argv[i + 1]);
  if (max <= 0) {
    fprintf(stderr, "no --max flag\n");
    return 1; /* neither 42 nor 43: the validator's own failure */
  }
  long n;
  char end;
  if (scanf("%ld%c", &n, &end) != 2 || end != '\n' || n < 1 || n > max) {
    fprintf(stderr, "expected one integer 1..%ld and a newline\n", max);
    return 43;
  }
  return getchar() == EOF ? 42 : 43;
}
