#include <stdio.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  volatile double h = 0;
  for (long i = 0; i < 2000000L; ++i) h = n / 2.0;
  printf("%.7f\n", h);
  return 0;
}
