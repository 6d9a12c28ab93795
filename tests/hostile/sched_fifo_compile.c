// attack: sched_fifo.c from the compile profile, whose seccomp filter is a denylist that lets
// scheduling calls through: the run's own uid (never root, no CAP_SYS_NICE) and its RLIMIT_RTPRIO hard
// limit of 0 must still refuse a realtime class, or a "compiler" spins at realtime priority
// expect: OK|SV
// profile: compile
// options: time_ms=2000
// check: absent=realtime granted
#include "sched_fifo.c"
