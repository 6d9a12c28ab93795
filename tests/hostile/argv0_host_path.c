// attack: learn where the judge keeps its files from argv[0] (a host path reveals the temporary
// directory and the user running Proctor); argv[0] must be the file name alone
// expect: OK
// check: absent=HOSTPATH
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  (void)argc;
  if (strchr(argv[0], '/')) printf("HOSTPATH %s\n", argv[0]);
  return 0;
}
