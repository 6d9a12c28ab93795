// attack: the 4-thread program of threads_ok.c without threads allowed: thread creation is forbidden
// (glibc tries clone3 first, which the sandbox should answer with ENOSYS, then clone(CLONE_THREAD))
// expect: SV
// violation: clone
#include "threads_ok.c"
