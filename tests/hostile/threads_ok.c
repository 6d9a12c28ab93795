// attack: none: 4 pthreads sum 1..4000000 in parts; with threads=4 this must simply work
// expect: OK
// options: threads=4
// check: stdout=8000002000000
#include <pthread.h>
#include <stdio.h>

enum { kThreads = 4, kPerThread = 1000000 };

static void* part(void* arg) {
  long long first = (long long)(long)arg * kPerThread + 1, sum = 0;
  for (long long i = first; i < first + kPerThread; i++) sum += i;
  return (void*)(long)sum;
}

int main(void) {
  pthread_t t[kThreads];
  for (long i = 0; i < kThreads; i++)
    if (pthread_create(&t[i], NULL, part, (void*)i) != 0) return 1;
  long long total = 0;
  for (int i = 0; i < kThreads; i++) {
    void* r;
    pthread_join(t[i], &r);
    total += (long)r;
  }
  printf("%lld\n", total);
  return 0;
}
