// attack: read secrets from the inherited environment; the run must get a clean environment
// expect: OK
// check: env
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char* value = getenv("PROCTOR_HOSTILE_ENV_SECRET");
  printf("%s\n", value ? value : "(unset)");
  return 0;
}
