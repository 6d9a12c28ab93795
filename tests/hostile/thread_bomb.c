// attack: start as many threads as possible (each spins); with threads=2 the third pthread_create
// must fail, and the program then reports how many it got and exits
// expect: OK
// options: threads=2
// check: stdout=created 2
// danger: yes
#include <pthread.h>
#include <stdio.h>

static void* spin(void* arg) {
  volatile unsigned long n = (unsigned long)arg;
  for (;;) n++;
  return NULL;
}

int main(void) {
  int created = 0;
  for (; created < 1000; created++) {
    pthread_t t;
    if (pthread_create(&t, NULL, spin, NULL) != 0) break;
  }
  printf("created %d\n", created);
  return 0;  // exit_group ends the spinning threads
}
