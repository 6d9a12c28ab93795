// attack: execve a shell that would run anything (here: create the marker file)
// expect: SV
// violation: execve
// args: {marker_path}
// check: marker
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  char cmd[512];
  snprintf(cmd, sizeof cmd, "echo escaped > '%s'", argv[1]);
  char* const args[] = {"sh", "-c", cmd, NULL};
  execve("/bin/sh", args, NULL);
  perror("execve");
  return 1;
}
