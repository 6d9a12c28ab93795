/* Output validator: each line must hold the input's two numbers, in either order, then their sum.
   Exit 42 accepts, 43 rejects (Kattis). argv[4] must be "sum_last" (from test_group.yaml). */
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  if (argc < 5 || strcmp(argv[4], "sum_last") != 0) return 1;
  FILE *in = fopen(argv[1], "r");
  int n;
  if (!in || fscanf(in, "%d", &n) != 1) return 1;
  for (int i = 0; i < n; ++i) {
    long long a, b, x, y, s;
    if (fscanf(in, "%lld %lld", &a, &b) != 2) return 1;
    if (scanf("%lld %lld %lld", &x, &y, &s) != 3) return 43;
    if (!((x == a && y == b) || (x == b && y == a)) || s != a + b) return 43;
  }
  char extra;
  return scanf(" %c", &extra) == 1 ? 43 : 42;
}
