// The candidate's page. The link is /candidate#<token>: the token stays in the URL fragment (never sent
// to any server, never in a log or a Referer) and goes to the API in the Authorization header only.
"use strict";
(function () {
  const token = location.hash.replace(/^#/, "");
  const $ = (id) => document.getElementById(id);
  const nonce = document.querySelector('meta[name="csp-nonce"]').content;
  // Saves every second when the text changed: the interviewer's live view is then at most ~2 s behind.
  // Extensions, time up and the finish come by the live stream (Server-Sent Events); without a stream the
  // page asks for its state every 30 s.
  const SAVE_EVERY_MS = 1000, FALLBACK_POLL_MS = 30000;
  let editor = null, deadline = 0, offset = 0, readOnly = false, dirty = false, saving = false;
  let samples = [], lastSubmission = null;

  const { el, clockTime, verdictBadge, follow, cpuTime } = window.ProctorCommon;
  let live = false;

  async function api(method, path, body) {
    const res = await fetch("/api/candidate/" + path, {
      method,
      headers: Object.assign({ Authorization: "Bearer " + token }, body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined,
      cache: "no-store",
    });
    let data = {};
    try { data = await res.json(); } catch (e) { /* empty body */ }
    return { status: res.status, data, retryAfter: res.headers.get("Retry-After") };
  }

  const serverNow = () => Date.now() + offset;

  function sync(state) {
    offset = Date.parse(state.now) - Date.now();
    deadline = Date.parse(state.deadline);
    $("deadline").textContent = "until " + clockTime(deadline);
    showSubmissions(state.submissions || []);
    if (state.read_only) goReadOnly(state.state);
  }

  function tick() {
    const left = Math.max(0, deadline - serverNow());
    const s = Math.floor(left / 1000);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    $("countdown").textContent = (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0") + (readOnly ? "" : " left");
    $("countdown").classList.toggle("low", left < 5 * 60 * 1000);
    if (left === 0 && !readOnly) poll();  // the server decides; ask it now
  }

  function goReadOnly(state) {
    if (readOnly) return;
    readOnly = true;
    if (editor) editor.setReadOnly(true);
    $("run").disabled = true;
    $("submit").disabled = true;
    $("run-input").disabled = true;
    $("custom-input").readOnly = true;
    $("countdown").textContent = "0:00";
    const said = document.querySelector("#output .submitted");
    if (said && lastSubmission) said.textContent = submittedText(lastSubmission);
    const banner = $("banner");
    banner.classList.remove("info");
    banner.textContent = state === "finished"
      ? "The session is finished. The page is read-only; your last submission before the end is graded."
      : "Time is up (" + clockTime(deadline) + "). The page is read-only; your last submission before the deadline is graded.";
    banner.hidden = false;
  }

  async function poll() {
    try {
      const r = await api("GET", "state");
      if (r.status === 200) sync(r.data);
    } catch (e) { /* offline for a moment: the next poll tries again */ }
  }

  // extend, time_up, finished (and ready, once per connection) carry the state, the server's time and the
  // deadline: enough for the countdown and the read-only switch. The submissions come with a poll.
  function onLive(type, data) {
    if (data.now) offset = Date.parse(data.now) - Date.now();
    if (data.deadline) {
      deadline = Date.parse(data.deadline);
      $("deadline").textContent = "until " + clockTime(deadline);
    }
    if (type === "extend" && !readOnly) {
      $("banner").textContent = "Your interviewer gave you more time: until " + clockTime(deadline) + ".";
      $("banner").classList.add("info");
      $("banner").hidden = false;
    }
    if (data.state && data.state !== "open") goReadOnly(data.state);
    if (type === "ready") poll();
    tick();
  }

  async function save() {
    if (!dirty || saving || readOnly) return;
    saving = true;
    dirty = false;
    try {
      const r = await api("PUT", "draft", { source: editor.getText() });
      // "Saved" only when the text on screen is the text on disk: typing during the request leaves it unsaved.
      if (r.status === 200) $("save-status").textContent = dirty ? "Unsaved changes" : "Saved " + clockTime(Date.parse(r.data.saved_at));
      else { dirty = true; $("save-status").textContent = "Not saved: " + (r.data.error || r.status); if (r.status === 409) sync(r.data); }
    } catch (e) {
      dirty = true;
      $("save-status").textContent = "Not saved (offline?) — retrying";
    }
    saving = false;
  }

  function showRun(data) {
    const out = $("output");
    out.replaceChildren();
    out.append(el("h3", {}, "Samples: " + data.sample_passed + "/" + data.sample_total + " passed ", verdictBadge(data.verdict)));
    const c = data.compile || {};
    if (c.status && c.status !== "OK") {
      out.append(el("p", {}, "Compilation failed (" + c.status + "):"), el("pre", { class: "compile" }, c.output || ""));
      return;
    }
    for (const w of c.warnings || []) {
      out.append(el("div", { class: "warning" }, "warning at line " + w.line + ": " + w.message + (w.option ? " [" + w.option + "]" : "")));
    }
    for (const t of data.tests || []) {
      const block = el("div", { class: "test" }, el("strong", {}, t.name), " ", verdictBadge(t.verdict), " ", el("span", { class: "muted" }, t.verdict === "skipped" ? "-" : cpuTime(t)), t.message ? " " + t.message : "");
      if (t.verdict !== "AC") {
        const sample = samples.find((s) => s.name === t.name);
        if (sample) block.append(el("div", { class: "muted" }, "input:"), el("pre", {}, sample.input));
        if (t.diff) block.append(el("div", { class: "muted" }, "diff (expected vs yours):"), el("pre", { class: "diff" }, t.diff));
        for (const [key, label] of [["stdout", "your program's stdout"], ["stderr", "your program's stderr"]]) {
          const x = t[key];
          if (x && x.bytes > 0) {
            block.append(el("div", { class: "muted" }, label + (x.truncated ? " (first " + x.text.length + " of " + x.bytes + " bytes)" : "") + ":"),
              el("pre", { class: key }, x.text));
          }
        }
      }
      out.append(block);
    }
  }

  function showSubmissions(list) {
    const box = $("submissions");
    box.replaceChildren();
    if (!list.length) return;
    const table = el("table", { class: "sub" }, el("tr", {}, el("th", {}, "Submission"), el("th", {}, "received"), el("th", {}, "samples"), el("th", {}, "")));
    for (const s of list) {
      table.append(el("tr", {}, el("td", {}, "#" + s.n), el("td", {}, clockTime(Date.parse(s.submitted_at))),
        el("td", {}, s.late ? "late, not graded" : (s.sample_total != null ? s.sample_passed + "/" + s.sample_total : "…")),
        el("td", {}, s.verdict ? verdictBadge(s.verdict) : "")));
    }
    box.append(el("h3", {}, "Your submissions"), table);
  }

  // "You may submit again" holds only while the session is open: once read-only, the line loses it.
  function submittedText(d) {
    return "Submission " + d.n + " received at " + clockTime(Date.parse(d.submitted_at)) + ". Samples: " +
      d.sample_passed + "/" + d.sample_total + " (" + d.verdict + ")." +
      (readOnly ? "" : " You may submit again; the last one before the deadline counts.");
  }

  function busy(message) {
    $("output").replaceChildren(el("p", { class: "muted" }, message));
  }

  async function run() {
    if (readOnly) return;
    $("run").disabled = true;
    busy("Compiling and running the samples…");
    try {
      const r = await api("POST", "run", { source: editor.getText() });
      if (r.status === 200) showRun(r.data);
      else if (r.status === 429) busy("Please wait " + (r.retryAfter || r.data.retry_after_s) + " s before the next run (" + r.data.error + ").");
      else { busy("Not run: " + (r.data.error || r.status)); if (r.status === 409) sync(r.data); }
    } catch (e) { busy("Not run: the server did not answer."); }
    if (!readOnly) $("run").disabled = false;
  }

  function showCustom(d) {
    const out = $("output");
    out.replaceChildren();
    const c = d.compile || {};
    if (!d.ran) {
      out.append(el("h3", {}, "Not run: compilation failed (" + (c.status || "?") + ")"), el("pre", { class: "compile" }, c.output || d.error || ""));
      return;
    }
    out.append(el("h3", { class: "custom-result" }, "Your input: ", el("span", { class: "verdict " + (d.status === "OK" ? "AC" : "bad") }, d.status),
      " ", el("span", { class: "muted" }, cpuTime(d)), d.message ? " " + d.message : ""));
    for (const w of c.warnings || []) out.append(el("div", { class: "warning" }, "warning at line " + w.line + ": " + w.message));
    for (const key of ["stdout", "stderr"]) {
      const x = d[key];
      out.append(el("div", { class: "muted" }, key + (x.truncated ? " (first " + x.text.length + " of " + x.bytes + " bytes)" : "") + ":"),
        el("pre", { class: key }, x.text));
    }
  }

  async function runInput() {
    if (readOnly) return;
    $("run-input").disabled = true;
    busy("Compiling and running your input…");
    try {
      const r = await api("POST", "run-input", { source: editor.getText(), input: $("custom-input").value });
      if (r.status === 200) showCustom(r.data);
      else if (r.status === 429) busy("Please wait " + (r.retryAfter || r.data.retry_after_s) + " s before the next run (" + r.data.error + ").");
      else { busy("Not run: " + (r.data.error || r.status)); if (r.status === 409) sync(r.data); }
    } catch (e) { busy("Not run: the server did not answer."); }
    if (!readOnly) $("run-input").disabled = false;
  }

  async function submit() {
    if (readOnly) return;
    $("submit").disabled = true;
    busy("Submitting…");
    try {
      const r = await api("POST", "submit", { source: editor.getText() });
      if (r.status === 201) {
        lastSubmission = r.data;
        $("output").replaceChildren(el("p", { class: "muted submitted" }, submittedText(r.data)));
      } else if (r.status === 429) busy("Please wait " + (r.retryAfter || r.data.retry_after_s) + " s and submit again (" + r.data.error + ").");
      else busy("Not submitted: " + (r.data.error || r.data.message || r.status));
    } catch (e) { busy("Not submitted: the server did not answer."); }
    await poll();
    if (!readOnly) $("submit").disabled = false;
  }

  async function start() {
    if (!/^[0-9a-f]{64}$/.test(token)) {
      $("title").textContent = "This link is incomplete: ask your interviewer for the full link.";
      return;
    }
    const r = await api("GET", "session");
    if (r.status !== 200) {
      $("title").textContent = r.status === 401 ? "This link is not valid." : "Could not load the session (" + r.status + ").";
      return;
    }
    const s = r.data;
    document.title = s.exercise.title + " — Proctor";
    $("title").textContent = s.exercise.title;
    $("candidate").textContent = " · " + s.candidate;
    $("statement").innerHTML = s.statement_html;  // md4c output; raw HTML in statements is not passed through
    for (const inc of s.includes) {
      $("includes").append(el("details", {}, el("summary", {}, inc.name), el("pre", {}, inc.content)));
    }
    samples = s.samples;
    for (const smp of samples) {
      $("samples").append(el("details", { open: "" }, el("summary", {}, smp.name),
        el("div", { class: "muted" }, "input"), el("pre", {}, smp.input),
        el("div", { class: "muted" }, "expected output"), el("pre", {}, smp.answer)));
    }
    editor = window.ProctorEditor.create($("editor"), s.draft != null ? s.draft : s.starter, nonce, () => {
      dirty = true;
      $("save-status").textContent = "Unsaved changes";
    });
    sync(s);
    if (readOnly) editor.setReadOnly(true);
    tick();
    setInterval(tick, 1000);
    setInterval(save, SAVE_EVERY_MS);
    follow(async () => {
      const r = await api("POST", "stream-ticket");
      return r.status === 201 ? r.data.url : null;
    }, ["extend", "time_up", "finished"], onLive, (ok) => { live = ok; });
    setInterval(() => { if (!live) poll(); }, FALLBACK_POLL_MS);
    $("run").addEventListener("click", run);
    $("submit").addEventListener("click", submit);
    $("run-input").addEventListener("click", runInput);
    document.addEventListener("visibilitychange", () => { if (document.hidden) save(); });
  }

  start();
})();
