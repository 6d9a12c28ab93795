#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int main(void) {
    unsigned long long zones, zone_size, zone_cap, max_open;
    int q;
    if (scanf("%llu %llu %llu %llu %d", &zones, &zone_size, &zone_cap, &max_open, &q) != 5) return 1;

    /* TODO: per-zone state and write pointer */

    char cmd[16];
    for (int i = 0; i < q && scanf("%15s", cmd) == 1; i++) {
        if (strcmp(cmd, "write") == 0) {
            unsigned long long lba, n;
            scanf("%llu %llu", &lba, &n);
            /* TODO */
            puts("ERR INVALID");
        } else if (strcmp(cmd, "append") == 0) {
            unsigned long long z, n;
            scanf("%llu %llu", &z, &n);
            /* TODO */
            puts("ERR INVALID");
        } else if (strcmp(cmd, "finish") == 0 || strcmp(cmd, "reset") == 0 ||
                   strcmp(cmd, "report") == 0) {
            unsigned long long z;
            scanf("%llu", &z);
            /* TODO */
            puts("ERR INVALID");
        } else if (strcmp(cmd, "reset-all") == 0) {
            /* TODO */
            puts("OK");
        } else if (strcmp(cmd, "stats") == 0) {
            /* TODO */
            printf("open %d full %d\n", 0, 0);
        }
    }
    return 0;
}
