// attack: learn which machine grades the submission (host name and NIS domain name) from uname();
// the program must see a neutral name of its own
// expect: OK
// check: absent=HOST
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(void) {
  struct utsname u;
  if (uname(&u) != 0) return 1;
  if (strcmp(u.nodename, "proctor") != 0) printf("HOST nodename=%s\n", u.nodename);
  if (strcmp(u.domainname, "(none)") != 0 && strcmp(u.domainname, "proctor") != 0) {
    printf("HOST domainname=%s\n", u.domainname);
  }
  return 0;
}
