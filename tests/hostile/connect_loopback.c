// attack: connects to a TCP service on the judge's loopback interface (exfiltration, or local services)
// expect: SV
// violation: socket
// args: {port}
// check: connect
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) {
    perror("socket");
    return 1;
  }
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1]))};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(s, (struct sockaddr*)&addr, sizeof addr) != 0) {
    perror("connect");
    return 1;
  }
  (void)!write(s, "hello from the sandbox\n", 23);
  return 42;
}
