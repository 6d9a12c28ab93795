/* Right parity, small letters: the sample and secret/small/1 forgive the case, secret/small/2 does not. */
#include <stdio.h>
int main(void) {
  long n;
  if (scanf("%ld", &n) != 1) return 1;
  puts(n % 2 ? "odd" : "even");
  return 0;
}
