/* Test harness for dirty-bitmap (visible to candidates).
 *
 * Input: one command per line until end of input:
 *   new N          destroy the current bitmap (if any), create one of N bits
 *   set S L        dbm_set(S, L)                  (no output)
 *   clear S L      dbm_clear(S, L)                (no output)
 *   count S L      prints dbm_count(S, L)
 *   next F         prints "START LEN" of the next run at or after F, or "none"
 *   scan           walks all runs with dbm_next_run from 0 and prints
 *                  "RUNS BITS #HASH": number of runs, total dirty bits and a
 *                  32-bit FNV-1a hash of all (start, len) pairs
 * All ranges in the tests satisfy S + L <= N and F <= N.
 */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include "dirty-bitmap.h"

int main(void) {
    dbm *b = NULL;
    uint64_t nbits = 0;
    char cmd[16];
    unsigned long long x, y;
    while (scanf("%15s", cmd) == 1) {
        if (strcmp(cmd, "new") == 0) {
            if (scanf("%llu", &x) != 1) return 1;
            if (b) dbm_destroy(b);
            b = dbm_create(nbits = x);
            if (!b) { puts("create failed"); return 1; }
        } else if (strcmp(cmd, "set") == 0 || strcmp(cmd, "clear") == 0 || strcmp(cmd, "count") == 0) {
            if (scanf("%llu %llu", &x, &y) != 2) return 1;
            if (x > nbits || y > nbits - x) { fprintf(stderr, "bad range\n"); return 1; }
            if (cmd[0] == 's') dbm_set(b, x, y);
            else if (cmd[1] == 'l') dbm_clear(b, x, y);
            else printf("%llu\n", (unsigned long long)dbm_count(b, x, y));
        } else if (strcmp(cmd, "next") == 0) {
            if (scanf("%llu", &x) != 1) return 1;
            uint64_t s = 0, l = 0;
            if (dbm_next_run(b, x, &s, &l)) printf("%llu %llu\n", (unsigned long long)s, (unsigned long long)l);
            else puts("none");
        } else if (strcmp(cmd, "scan") == 0) {
            uint64_t from = 0, s, l, runs = 0, bits = 0;
            uint32_t h = 2166136261u;
            while (from < nbits && dbm_next_run(b, from, &s, &l)) {
                if (l == 0 || s < from) { puts("bad run"); return 1; }
                runs++;
                bits += l;
                uint64_t v[2] = {s, l};
                for (int i = 0; i < 2; i++)
                    for (int k = 0; k < 8; k++) h = (h ^ (uint8_t)(v[i] >> (8 * k))) * 16777619u;
                from = s + l;
            }
            printf("%llu %llu #%08x\n", (unsigned long long)runs, (unsigned long long)bits, h);
        } else {
            fprintf(stderr, "unknown command %s\n", cmd);
            return 1;
        }
    }
    if (b) dbm_destroy(b);
    return 0;
}
