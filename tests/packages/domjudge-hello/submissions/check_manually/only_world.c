/*
 * Right on the sample only.
 * @EXPECTED_RESULTS@: WRONG-ANSWER
 */
#include <stdio.h>
int main(void) { puts("Hello world!"); return 0; }
