#include <stdio.h>
int main(void) {
  long n;
  if (scanf("%ld", &n) != 1) return 1;
  printf("%.9f\n", n / 3.0);
  return 0;
}
