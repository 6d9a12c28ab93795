// attack: open_by_handle_at.c ("shocker") from the compile profile, where Landlock confines paths but
// a file handle is not a path: the call must be a violation there too
// expect: SV
// profile: compile
// violation: open_by_handle_at|name_to_handle_at
// check: absent=opened by handle
#include "open_by_handle_at.c"
