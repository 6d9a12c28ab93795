// attack: infinite loop burning CPU
// expect: TLE
// limit: cpu
int main(void) {
  volatile unsigned long n = 0;
  for (;;) n++;
}
