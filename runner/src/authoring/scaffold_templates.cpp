// The scaffold's toy task: print the sum of n integers. Small enough to replace, but complete: a
// reference, a wrong answer that overflows an int (caught by the secret test), samples and secrets.
// @ID@, @TITLE@, @GUARD@ and @KIND@ are replaced; everything else is written as is.
#include <string_view>

#include "authoring/scaffold.hpp"

namespace proctor::authoring {
namespace {

constexpr std::string_view kExerciseJson = R"({
  "id": "@ID@",
  "title": "@TITLE@",
  "kind": "@KIND@",
  "language": "c",
  "duration_minutes": 30,
  "limits": {"time_ms": 1000, "memory_mb": 256, "output_kb": 64},
  "checker": {"type": "tokens", "case_sensitive": false},
  "compile": {"std": "gnu17"}
}
)";

constexpr std::string_view kStatementProgram = R"(# @TITLE@

<!-- TODO: replace this toy task (the sum of n integers) with the real one. Keep the sections:
     candidates look for the input and output format and the limits in the same places. -->

Read a list of integers and print their sum.

## Input

The first line holds `n` (1 <= n <= 100000). The second line holds `n` integers `a_i`
(-10^9 <= a_i <= 10^9), separated by single spaces.

## Output

One line: the sum of all `a_i`.

## Limits

1 second of CPU time, 256 MiB of memory.

## Example

Input:

```
3
1 2 3
```

Output:

```
6
```
)";

constexpr std::string_view kStatementFunction = R"(# @TITLE@

<!-- TODO: replace this toy task (the sum of n integers) with the real one. Keep the sections:
     candidates look for the interface and the limits in the same places. -->

Implement the function declared in `@ID@.h`:

```c
long long sum_array(const int *values, size_t count);
```

It returns the sum of the `count` integers at `values` (1 <= count <= 100000,
-10^9 <= values[i] <= 10^9). The values must not be modified.

Do not write `main`: the test harness (`include/c/harness.c`, which you may read) reads each test,
calls your function and prints the result. A `main` of your own, for local testing, is ignored.

## Limits

1 second of CPU time, 256 MiB of memory.

## Example

For the values `1 2 3` the function returns `6`. The harness input for that test is

```
3
1 2 3
```
)";

constexpr std::string_view kStarterProgram = R"(#include <stdio.h>

int main(void) {
    /* TODO: read n and the n integers, print their sum. */
    return 0;
}
)";

constexpr std::string_view kRefProgram =
    R"(/* Reference solution: a 64-bit accumulator holds any sum of 10^5 values of at most 10^9. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long sum = 0;
    for (int i = 0; i < n; i++) {
        long long v;
        if (scanf("%lld", &v) != 1) return 1;
        sum += v;
    }
    printf("%lld\n", sum);
    return 0;
}
)";

constexpr std::string_view kWrongProgram = R"(/* Wrong answer: an int accumulator overflows on secret/1. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    unsigned sum = 0; /* wraps like a 32-bit int would, without undefined behaviour */
    for (int i = 0; i < n; i++) {
        int v;
        if (scanf("%d", &v) != 1) return 1;
        sum += (unsigned)v;
    }
    printf("%d\n", (int)sum);
    return 0;
}
)";

constexpr std::string_view kHeader = R"(#ifndef @GUARD@
#define @GUARD@

#include <stddef.h>

/* Returns the sum of values[0..count-1]; count >= 1, |values[i]| <= 10^9. */
long long sum_array(const int *values, size_t count);

#endif
)";

constexpr std::string_view kHarness = R"(/* Test harness for @ID@ (visible to candidates).
 *
 * Input: n, then n integers. Output: sum_array() of them, on one line.
 */
#include <stdio.h>
#include <stdlib.h>

#include "@ID@.h"

int main(void) {
    size_t n;
    if (scanf("%zu", &n) != 1 || n == 0) return 1;
    int *values = malloc(n * sizeof *values);
    if (!values) return 1;
    for (size_t i = 0; i < n; i++) {
        if (scanf("%d", &values[i]) != 1) return 1;
    }
    printf("%lld\n", sum_array(values, n));
    free(values);
    return 0;
}
)";

constexpr std::string_view kStarterFunction = R"(#include "@ID@.h"

long long sum_array(const int *values, size_t count) {
    /* TODO */
    (void)values;
    (void)count;
    return 0;
}
)";

constexpr std::string_view kRefFunction =
    R"(/* Reference solution: a 64-bit accumulator holds any sum of 10^5 values of at most 10^9. */
#include "@ID@.h"

long long sum_array(const int *values, size_t count) {
    long long sum = 0;
    for (size_t i = 0; i < count; i++) sum += values[i];
    return sum;
}
)";

constexpr std::string_view kWrongFunction = R"(/* Wrong answer: an int accumulator overflows on secret/1. */
#include "@ID@.h"

long long sum_array(const int *values, size_t count) {
    unsigned sum = 0; /* wraps like a 32-bit int would, without undefined behaviour */
    for (size_t i = 0; i < count; i++) sum += (unsigned)values[i];
    return (int)sum;
}
)";

std::string fill(std::string_view text, const std::string& id, runner::ExerciseKind kind) {
  std::string guard = "PROCTOR_";
  for (char c : id) guard += c == '-' ? '_' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  guard += "_H";
  const std::pair<std::string, std::string> vars[] = {
      {"@ID@", id},
      {"@TITLE@", id + " (TODO: title)"},
      {"@GUARD@", guard},
      {"@KIND@", kind == runner::ExerciseKind::function ? "function" : "program"},
  };
  std::string out(text);
  for (const auto& [name, value] : vars) {
    for (std::size_t at = out.find(name); at != std::string::npos; at = out.find(name, at + value.size())) {
      out.replace(at, name.size(), value);
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> scaffold_files(const std::string& id, runner::ExerciseKind kind) {
  const bool function = kind == runner::ExerciseKind::function;
  std::map<std::string, std::string> files = {
      {"exercise.json", fill(kExerciseJson, id, kind)},
      {"statement.md", fill(function ? kStatementFunction : kStatementProgram, id, kind)},
      {"starter.c", fill(function ? kStarterFunction : kStarterProgram, id, kind)},
      {"submissions/accepted/ref.c", fill(function ? kRefFunction : kRefProgram, id, kind)},
      {"submissions/wrong_answer/int_sum.c", fill(function ? kWrongFunction : kWrongProgram, id, kind)},
      {"data/sample/1.in", "3\n1 2 3\n"},
      {"data/sample/1.ans", "6\n"},
      {"data/secret/1.in", "5\n1000000000 1000000000 1000000000 -7 1000000000\n"},
      {"data/secret/1.ans", "3999999993\n"},
  };
  if (function) {
    files["include/c/harness.c"] = fill(kHarness, id, kind);
    files["include/c/" + id + ".h"] = fill(kHeader, id, kind);
  }
  return files;
}

}  // namespace proctor::authoring
