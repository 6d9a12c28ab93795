// attack: the daemonising survivor of survivor_compile.c under the program profile, where fork is
// forbidden (without the pipe handshake, so that fork is the first forbidden call)
// expect: SV
// violation: clone
// check: survivor
// danger: yes
#define HOSTILE_HANDSHAKE 0
#include "survivor_compile.c"
