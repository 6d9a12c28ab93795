// The interviewer's dashboard: sign-in with the interviewer token, the sessions table, creating a
// session, and the routes to the live view (live.js), playback (playback.js) and the report. The token
// lives in this tab's sessionStorage and goes to the API in the Authorization header only (no cookies:
// nothing another site could make the browser send).
"use strict";
(function () {
  const { el, clockTime, duration, verdictBadge } = window.ProctorCommon;
  const $ = (id) => document.getElementById(id);
  const nonce = document.querySelector('meta[name="csp-nonce"]').content;
  const KEY = "proctor-interviewer-token";
  let offset = 0;  // server clock minus the browser's
  let dashboardTimer = null, sessions = [], lastSeen = "", stopView = null;

  const token = () => sessionStorage.getItem(KEY) || "";

  async function api(method, path, body) {
    const res = await fetch("/api/" + path, {
      method,
      headers: Object.assign({ Authorization: "Bearer " + token() }, body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined,
      cache: "no-store",
    });
    let data = {};
    try { data = await res.json(); } catch (e) { /* empty body */ }
    if (res.status === 401) signOut("The token was refused: sign in again.");
    if (data && data.now) offset = Date.parse(data.now) - Date.now();
    return { status: res.status, data, retryAfter: res.headers.get("Retry-After") };
  }
  const serverNow = () => Date.now() + offset;

  function message(text, isError) {
    const m = $("message");
    m.textContent = text || "";
    m.hidden = !text;
    m.classList.toggle("info", !isError);
  }

  function signOut(why) {
    sessionStorage.removeItem(KEY);
    showLogin(why);
  }

  function showLogin(why) {
    for (const v of document.querySelectorAll(".view")) v.hidden = true;
    if (stopView) { stopView(); stopView = null; }
    $("login").hidden = false;
    $("sign-out").hidden = true;
    $("login-error").textContent = why || "";
    $("token").value = "";
    $("token").focus();
  }

  // --- dashboard -------------------------------------------------------------------------------------

  function stateText(s) {
    return s.state === "open" ? "open" : s.state === "expired" ? "time is up" : "finished";
  }

  function runText(r) {
    if (!r) return "—";
    if (r.kind === "input") return el("span", {}, "own input: " + (r.compile !== "OK" ? r.compile : (r.status || "?")));
    return el("span", {}, (r.sample_passed != null ? r.sample_passed + "/" + r.sample_total + " " : ""), verdictBadge(r.verdict));
  }

  function submissionText(s) {
    if (!s) return "—";
    if (s.late) return "#" + s.n + " late";
    return el("span", {}, "#" + s.n + " " + (s.sample_total != null ? s.sample_passed + "/" + s.sample_total + " " : ""), s.verdict ? verdictBadge(s.verdict) : "");
  }

  function resultCell(s) {
    if (s.state !== "finished") return "—";
    const sc = s.score;
    return el("span", {}, verdictBadge(s.verdict), sc ? " " + sc.passed + "/" + sc.total + " tests" : "");
  }

  function renderSessions() {
    const body = $("sessions").querySelector("tbody");
    body.replaceChildren();
    $("no-sessions").hidden = sessions.length > 0;
    // Newest first: the interview going on now is at the top.
    for (const s of sessions.slice().sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at))) {
      const left = s.state === "open" ? el("span", { class: "left", "data-deadline": s.deadline }, duration(Date.parse(s.deadline) - serverNow())) : "—";
      const links = el("span", { class: "links" },
        el("a", { href: "#live/" + s.id, class: "watch" }, s.state === "open" ? "Watch" : "View"), " · ",
        el("a", { href: "#playback/" + s.id }, "Playback"));
      if (s.report) links.append(" · ", el("a", { href: "#report/" + s.id, class: "report" }, "Report"));
      body.append(el("tr", { "data-id": s.id, class: "state-" + s.state },
        el("td", {}, el("code", {}, s.id)), el("td", {}, s.candidate), el("td", {}, s.title || s.exercise),
        el("td", {}, stateText(s)), el("td", {}, left), el("td", { class: "last-run" }, runText(s.last_run)),
        el("td", { class: "last-submission" }, submissionText(s.last_submission)), el("td", { class: "result" }, resultCell(s)),
        el("td", {}, links)));
    }
  }

  function tickDashboard() {
    for (const span of document.querySelectorAll("#sessions .left")) {
      span.textContent = duration(Date.parse(span.dataset.deadline) - serverNow());
    }
  }

  async function refreshSessions() {
    try {
      const r = await api("GET", "sessions");
      // Re-rendered only when something changed: a row being read or clicked is not replaced under it.
      const seen = JSON.stringify(r.data.sessions);
      if (r.status === 200 && seen !== lastSeen) { lastSeen = seen; sessions = r.data.sessions; renderSessions(); }
    } catch (e) { /* the next refresh tries again */ }
  }

  async function loadExercises() {
    const r = await api("GET", "exercises");
    const select = $("new-exercise");
    select.replaceChildren();
    if (r.status !== 200) return;
    for (const x of r.data.exercises) {
      select.append(el("option", { value: x.id, disabled: !!x.error, title: x.error || "" }, x.id + (x.title ? " — " + x.title : "") + (x.error ? " (broken)" : "")));
    }
  }

  async function createSession(ev) {
    ev.preventDefault();
    const body = { exercise: $("new-exercise").value, candidate: $("new-candidate").value.trim() };
    const minutes = parseInt($("new-minutes").value, 10);
    if (minutes) body.duration_minutes = minutes;
    if (!body.candidate) { message("Type the candidate's name first.", true); return; }
    $("create").disabled = true;
    try {
      const r = await api("POST", "sessions", body);
      if (r.status === 201) {
        message("");
        $("created-id").textContent = r.data.id;
        $("created-url").value = r.data.candidate_url;
        $("copied").textContent = "";
        $("created").hidden = false;
        $("new-candidate").value = "";
        await refreshSessions();
      } else message("Not started: " + (r.data.error || r.status), true);
    } finally { $("create").disabled = false; }
  }

  async function copyLink() {
    const input = $("created-url");
    try {
      await navigator.clipboard.writeText(input.value);
    } catch (e) {
      input.select();
      document.execCommand("copy");  // no clipboard API (plain HTTP through a proxy): the old way
    }
    $("copied").textContent = "Copied.";
  }

  function showDashboard() {
    $("view-dashboard").hidden = false;
    lastSeen = "";
    $("where").textContent = "· Sessions";
    refreshSessions();
    dashboardTimer = setInterval(refreshSessions, 2000);
    const ticker = setInterval(tickDashboard, 1000);
    return () => { clearInterval(dashboardTimer); clearInterval(ticker); };
  }

  // --- report ----------------------------------------------------------------------------------------

  // A tab cannot send the bearer header when it navigates, so the report is opened with a single-use
  // ticket the API hands out (valid one minute).
  async function reportUrl(id) {
    const r = await api("POST", "sessions/" + id + "/report-link");
    if (r.status !== 201) { message("No report: " + (r.data.error || r.status), true); return null; }
    return r.data.url;
  }

  function showReport(id) {
    $("view-report").hidden = false;
    $("where").textContent = "· Report " + id;
    $("rp-title").textContent = id;
    $("rp-playback").href = "#playback/" + id;
    reportUrl(id).then((url) => { if (url) $("report-frame").src = url; });
    $("rp-open").onclick = async () => {
      const url = await reportUrl(id);
      if (url) window.open(url, "_blank", "noopener");
    };
    const stopPlayback = window.ProctorPlayback.mount($("report-playback"), id, ctx);
    return () => { stopPlayback(); $("report-frame").removeAttribute("src"); };
  }

  // --- routing ---------------------------------------------------------------------------------------

  const setServerNow = (ms) => { offset = ms - Date.now(); };
  const ctx = { api, message, nonce, serverNow, setServerNow, reportUrl };

  function route() {
    if (!token()) return showLogin();
    if (stopView) { stopView(); stopView = null; }
    for (const v of document.querySelectorAll(".view")) v.hidden = true;
    $("login").hidden = true;
    $("sign-out").hidden = false;
    message("");
    const m = location.hash.match(/^#(live|playback|report)\/([a-z0-9][a-z0-9-]{0,63})$/);
    if (!m) { stopView = showDashboard(); return; }
    const [, view, id] = m;
    if (view === "live") {
      $("view-live").hidden = false;
      $("where").textContent = "· Live " + id;
      stopView = window.ProctorLive.mount(id, ctx);
    } else if (view === "playback") {
      $("view-playback").hidden = false;
      $("where").textContent = "· Playback " + id;
      $("pb-title").textContent = id;
      stopView = window.ProctorPlayback.mount($("playback"), id, ctx);
    } else {
      stopView = showReport(id);
    }
  }

  async function signIn(ev) {
    ev.preventDefault();
    const t = $("token").value.trim();
    if (!/^[0-9a-f]{64}$/.test(t)) { $("login-error").textContent = "A token is 64 hexadecimal characters."; return; }
    sessionStorage.setItem(KEY, t);
    const r = await api("GET", "sessions");
    if (r.status !== 200) return;  // api() signed out and said why
    $("token").value = "";
    await loadExercises();
    route();
  }

  function start() {
    $("login-form").addEventListener("submit", signIn);
    $("create-form").addEventListener("submit", createSession);
    $("copy-url").addEventListener("click", copyLink);
    $("sign-out").addEventListener("click", () => signOut(""));
    window.addEventListener("hashchange", route);
    setInterval(() => { $("now").textContent = clockTime(serverNow()); }, 1000);
    if (token()) loadExercises();
    route();
  }

  start();
})();
