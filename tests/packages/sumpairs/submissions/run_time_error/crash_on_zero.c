#include <stdio.h>
int main(void) {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  while (n--) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    if (a + b == 0) { int *p = NULL; *p = 1; }
    printf("%lld %lld %lld\n", a, b, a + b);
  }
  return 0;
}
