/* One integer 1..1000 on one line, nothing else: exit 42 valid, 43 invalid (Kattis). */
#include <stdio.h>
int main(void) {
  int n;
  char end;
  if (scanf("%d%c", &n, &end) != 2 || end != '\n' || n < 1 || n > 1000) {
    fprintf(stderr, "expected one integer 1..1000 and a newline\n");
    return 43;
  }
  if (getchar() != EOF) {
    fprintf(stderr, "trailing data after the integer\n");
    return 43;
  }
  return 42;
}
