#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int main(void) {
    unsigned long long device_blocks, block_size;
    long n;
    if (scanf("%llu %llu %ld", &device_blocks, &block_size, &n) != 3) return 1;
    int c;
    while ((c = getchar()) != '\n' && c != EOF) {} /* rest of the first line */

    char *line = NULL; /* requests can be long: let getline allocate */
    size_t cap = 0;
    for (long i = 0; i < n; i++) {
        ssize_t len = getline(&line, &cap, stdin);
        if (len < 0) len = 0;
        if (len > 0 && line[len - 1] == '\n') line[--len] = '\0';
        /* TODO: decode the hex, parse the big-endian header, validate */
        puts("ERR SHORT");
    }
    free(line);
    return 0;
}
