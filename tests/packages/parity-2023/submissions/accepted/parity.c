#include <stdio.h>
int main(void) {
  long n;
  if (scanf("%ld", &n) != 1) return 1;
  puts(n % 2 ? "ODD" : "EVEN");
  return 0;
}
