// The candidate page formats measured times with ProctorCommon.cpuTime (web/common.js), a copy of
// text::format_time_us for the browser. Both are held to the same table of examples,
// tests/data/time_format_cases.txt, so the page and the terminal never disagree about a time.
// Usage: node tests/web/time_format_test.js [repository root]; exit 0 when every case matches.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const root = process.argv[2] || path.join(__dirname, "..", "..");
const context = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(root, "web", "common.js"), "utf8"), context);
const cpuTime = context.window.ProctorCommon && context.window.ProctorCommon.cpuTime;
if (typeof cpuTime !== "function") {
  console.log("time_format: web/common.js exports no ProctorCommon.cpuTime");
  process.exit(1);
}

let cases = 0, failures = 0;
for (const line of fs.readFileSync(path.join(root, "tests", "data", "time_format_cases.txt"), "utf8").split("\n")) {
  if (line === "" || line.startsWith("#")) continue;
  const [us, want] = line.split("\t");
  const got = cpuTime({ time_us: Number(us), time_ms: Math.floor(Number(us) / 1000) });
  cases++;
  if (got !== want) {
    failures++;
    console.log(`time_format: ${us} us shows "${got}", the table says "${want}"`);
  }
}
// An old result has whole, floored milliseconds only: 0 is "under a millisecond", no more.
for (const [ms, want] of [[0, "<1 ms"], [3, "3 ms"], [12345, "12.3 s"]]) {
  const got = cpuTime({ time_ms: ms });
  cases++;
  if (got !== want) {
    failures++;
    console.log(`time_format: an old result's ${ms} ms shows "${got}", expected "${want}"`);
  }
}
if (cases < 10) {
  console.log(`time_format: only ${cases} cases read; is the table there?`);
  process.exit(1);
}
console.log(`time_format: ${cases} cases, ${failures} failures`);
process.exit(failures ? 1 : 0);
