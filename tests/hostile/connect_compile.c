// attack: the loopback connection of connect_loopback.c from the compile profile, where sockets may be
// allowed by seccomp but the network must still be unreachable (net namespace or Landlock TCP rules)
// expect: RTE|SV
// profile: compile
// args: {port}
// check: connect
#include "connect_loopback.c"
