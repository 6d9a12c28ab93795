#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *line = NULL; /* lines can be very long: let getline allocate */
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
        /* TODO: validate, percent-decode, resolve "." and "..", print the
         * normalised path or 400 / 403 */
        puts("400");
    }
    free(line);
    return 0;
}
