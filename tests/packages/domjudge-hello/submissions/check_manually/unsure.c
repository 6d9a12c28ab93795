/* Not annotated: DOMjudge would ask a judge to look at it. */
#include <stdio.h>
int main(void) { puts("Hello world!"); return 0; }
