// attack: the 4-thread program of threads_ok.c without threads allowed: thread creation is forbidden
// (glibc tries clone3 first, which the sandbox should answer with ENOSYS, then clone(CLONE_THREAD)).
// Without a memory cgroup (RLIMIT_AS) the thread's stack, sized by the stack limit, cannot even be
// mapped, and pthread_create fails before any clone: the program gives up (RTE). Both are safe.
// expect: SV|RTE
// violation: clone
#include "threads_ok.c"
