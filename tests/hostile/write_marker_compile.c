// attack: the compile profile may write only its work directory; create a file in /tmp instead
// expect: RTE|SV
// profile: compile
// args: {marker_path}
// check: marker
#include "write_marker.c"
