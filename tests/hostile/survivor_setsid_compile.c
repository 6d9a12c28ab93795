// attack: the daemon of survivor_compile.c that also calls setsid() to leave the run's session and
// process group (a judge that kills only its process group misses it). Refusing setsid (SV setsid) or
// allowing it and still killing the daemon (OK) are both safe; a survivor is not.
// expect: OK|SV
// violation: setsid
// profile: compile
// options: processes=8
// check: survivor
// danger: yes
#define HOSTILE_SETSID 1
#include "survivor_compile.c"
