#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read the log from stdin, print the eight summary lines to stdout.
 * See the statement for the exact line format. */
int main(void) {
    static char line[1100]; /* lines are at most 1000 characters */
    long level_count[6] = {0};
    long malformed = 0;

    while (fgets(line, sizeof line, stdin)) {
        /* TODO: strip the newline, skip empty lines, validate the line,
         * count its level and its component (or count it as malformed). */
    }

    static const char *levels[6] = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    for (int i = 0; i < 6; i++) printf("%s %ld\n", levels[i], level_count[i]);
    printf("malformed %ld\n", malformed);
    /* TODO: most frequent component, ties by strcmp order; "top - 0" if none */
    printf("top - 0\n");
    return 0;
}
