// The interviewer's live view of one session: the candidate's code as it changes, every run and
// submission, the countdown, and the actions: extend time, private notes, finish now with a chosen
// submission. Changes come by the session's live stream (Server-Sent Events): a draft brings its source,
// anything else asks for the whole state once. Without a stream the page asks every 10 s.
"use strict";
(function () {
  const { el, clockTime, duration, verdictBadge, follow } = window.ProctorCommon;
  const $ = (id) => document.getElementById(id);
  const FALLBACK_POLL_MS = 10000;

  function mount(id, ctx) {
    let editor = null, draftN = 0, state = null, stopped = false, busy = false, again = false, live = false;
    const finishChoice = $("finish-submission");
    $("live-editor").replaceChildren();
    editor = window.ProctorEditor.create($("live-editor"), "", ctx.nonce, null);
    editor.setReadOnly(true);
    $("live-playback").href = "#playback/" + id;
    $("live-report-link").href = "#report/" + id;
    $("action-result").textContent = "";
    $("live-draft").textContent = "";
    finishChoice.replaceChildren();

    function renderRuns(runs) {
      const list = $("live-runs");
      list.replaceChildren();
      if (!runs.length) { list.append(el("li", { class: "muted" }, "No run yet.")); return; }
      for (const r of runs.slice().reverse()) {
        const what = r.kind === "input"
          ? el("span", {}, "own input: ", r.compile !== "OK" ? verdictBadge(r.compile) : (r.status || "?"))
          : el("span", {}, "samples " + (r.sample_passed != null ? r.sample_passed + "/" + r.sample_total + " " : ""), verdictBadge(r.verdict));
        const tests = (r.tests || []).map((t) => t.name.replace(/^sample\//, "") + " " + t.verdict).join(", ");
        list.append(el("li", { class: "run" }, el("span", { class: "muted" }, clockTime(Date.parse(r.at))), " ", what,
          r.draft ? el("span", { class: "muted" }, " (draft " + r.draft + ")") : null,
          tests ? el("div", { class: "muted small" }, tests) : null));
      }
    }

    function renderSubmissions(subs) {
      const table = $("live-submissions");
      table.replaceChildren(el("tr", {}, el("th", {}, "#"), el("th", {}, "received"), el("th", {}, "samples"), el("th", {}, "")));
      for (const s of subs) {
        table.append(el("tr", { class: "submission" }, el("td", {}, "#" + s.n), el("td", {}, clockTime(Date.parse(s.submitted_at))),
          el("td", {}, s.late ? "late, not graded" : (s.sample_total != null ? s.sample_passed + "/" + s.sample_total : s.error || "…")),
          el("td", {}, s.verdict ? verdictBadge(s.verdict) : "")));
      }
      if (!subs.length) table.append(el("tr", {}, el("td", { colspan: "4", class: "muted" }, "No submission yet.")));
      // The finish choice: the last on-time submission by default, any other on request.
      const onTime = subs.filter((s) => !s.late);
      const chosen = finishChoice.value;
      const keys = onTime.map((s) => String(s.n)).join(",");
      if (finishChoice.dataset.keys !== keys) {
        finishChoice.dataset.keys = keys;
        finishChoice.replaceChildren(el("option", { value: "" }, onTime.length ? "the last submission (#" + onTime[onTime.length - 1].n + ")" : "no submission"));
        for (const s of onTime.slice().reverse()) {
          finishChoice.append(el("option", { value: String(s.n) }, "#" + s.n + " — " + (s.sample_total != null ? s.sample_passed + "/" + s.sample_total + " " + (s.verdict || "") : "not graded")));
        }
        finishChoice.value = chosen && keys.split(",").includes(chosen) ? chosen : "";
      }
    }

    function renderNotes(notes) {
      const list = $("notes");
      list.replaceChildren();
      for (const n of (notes || []).slice().reverse()) {
        list.append(el("li", { class: "note" }, el("span", { class: "muted" }, clockTime(Date.parse(n.at))), " ", n.text));
      }
    }

    function renderState() {
      const s = state;
      $("live-state").textContent = s.candidate + " · " + s.exercise.title + " · " + (s.state === "open" ? "open" : s.state === "expired" ? "time is up, grading…" : "finished");
      $("live-deadline").textContent = "deadline " + clockTime(Date.parse(s.deadline));
      const fin = $("live-finished");
      fin.replaceChildren();
      if (s.finished) {
        const sc = s.finished.score;
        const g = (s.gradings || [])[s.gradings.length - 1];
        fin.append(el("p", { class: "final" }, "Finished by " + s.finished.by + " at " + clockTime(Date.parse(s.finished.at)) + ": ",
          verdictBadge(s.finished.verdict), sc ? " " + sc.passed + "/" + sc.total + " tests" : "",
          g ? (g.submission ? " (submission #" + g.submission + (g.regrade ? ", re-graded" : "") + ")" : " (no submission)") : ""));
        for (const w of (g && g.warnings) || []) fin.append(el("p", { class: "warning" }, w));
        // The interview signals of the grade, where it collected them: each kind's summary and first
        // findings; the report has the stacks, the tables and the plot.
        const signals = s.finished.signals || [];
        if (signals.length) {
          const list = el("ul", { class: "signals", id: "live-signals" });
          for (const k of signals) {
            const items = el("ul", {});
            for (const it of k.items || []) items.append(el("li", {}, it));
            list.append(el("li", { class: k.notable ? "notable" : "" }, el("b", {}, k.title + ": "), k.summary, items));
          }
          fin.append(el("h3", {}, "Signals"), list);
        }
      }
      $("live-report").hidden = !(s.finished && s.finished.report);
      const open = s.state === "open";
      $("extend").disabled = !open;
      // Once finished, the same form re-grades (with the chosen submission), recorded as a grade event.
      $("finish").textContent = s.state === "finished" ? "Re-grade" : "Finish now";
      if (!$("finish").dataset.busy) $("finish").disabled = false;
      renderSubmissions(s.submissions);
      renderRuns(s.runs);
      renderNotes(s.notes);
      tick();
    }

    function tick() {
      if (!state) return;
      const left = state.state === "open" ? Date.parse(state.deadline) - ctx.serverNow() : 0;
      $("live-countdown").textContent = duration(left) + (state.state === "open" ? " left" : "");
      $("live-countdown").classList.toggle("low", left < 5 * 60 * 1000);
    }

    function showDraft(d) {
      if (d && d.source != null && d.n > draftN) {
        draftN = d.n;
        editor.setText(d.source);
      }
      const shown = d && d.n >= draftN ? d : null;
      if (shown || !d) $("live-draft").textContent = d ? "draft " + d.n + ", saved " + clockTime(Date.parse(d.saved_at)) : "nothing saved yet";
    }

    function showLink(ok) {
      live = ok;
      const s = $("live-link");
      s.textContent = ok ? "● live" : "○ reconnecting — updating every 10 s";
      s.classList.toggle("ok", ok);
    }

    // A request while one is on its way is remembered and made after it: the newest state always comes.
    async function poll() {
      if (stopped) return;
      if (busy) { again = true; return; }
      busy = true;
      try {
        const r = await ctx.api("GET", "sessions/" + id + "?draft=" + draftN);
        if (r.status === 200) {
          state = r.data;
          showDraft(r.data.draft);
          renderState();
        } else if (r.status === 404) ctx.message("No session " + id + ".", true);
      } catch (e) { /* offline for a moment: the next poll tries again */ }
      busy = false;
      if (again) { again = false; poll(); }
    }

    function onLive(type, data) {
      if (stopped) return;
      if (data.now) ctx.setServerNow(Date.parse(data.now));
      if (type === "draft") { showDraft(data); return; }
      if (type === "run_started") {
        $("live-running").textContent = "Running " + (data.kind === "input" ? "their own input" : "the samples") + "…";
        return;
      }
      if (type === "run") $("live-running").textContent = "";
      poll();  // ready, run, submission, extend, note, grade, time_up, finished: the whole state, once
    }

    async function act(path, body, done) {
      $("action-result").textContent = "…";
      for (;;) {
        const r = await ctx.api("POST", "sessions/" + id + "/" + path, body);
        if (r.status === 429) {  // the candidate's run is in the sandbox: wait for it
          $("action-result").textContent = "Waiting " + (r.retryAfter || 1) + " s for the candidate's run to end…";
          await new Promise((ok) => setTimeout(ok, 1000 * (parseInt(r.retryAfter, 10) || 1)));
          if (stopped) return;
          continue;
        }
        $("action-result").textContent = r.status < 300 ? done(r.data) : "Refused: " + (r.data.error || r.status);
        await poll();
        return;
      }
    }

    const onExtend = (ev) => {
      ev.preventDefault();
      const minutes = parseInt($("extend-minutes").value, 10);
      act("extend", { minutes }, (d) => "Extended by " + minutes + " min: the deadline is now " + clockTime(Date.parse(d.deadline)) + ".");
    };
    const onFinish = (ev) => {
      ev.preventDefault();
      const n = finishChoice.value;
      const regrade = state && state.state === "finished";
      const body = n ? { submission: parseInt(n, 10) } : {};
      if (regrade) body.regrade = true;
      $("finish").disabled = true;
      $("finish").dataset.busy = "1";
      $("action-result").textContent = "Grading on every test…";
      act("finish", body, (d) =>
        (d.regraded ? "Re-graded: " : "Finished: ") + d.verdict + ", " + d.score.passed + "/" + d.score.total + " tests" +
        (d.graded_submission ? " (submission #" + d.graded_submission + ")" : "") +
        (d.warnings && d.warnings.length ? ". " + d.warnings.join(" ") : ".")).finally(() => { delete $("finish").dataset.busy; $("finish").disabled = false; });
    };
    const onNote = async (ev) => {
      ev.preventDefault();
      const text = $("note-text").value.trim();
      if (!text) return;
      const r = await ctx.api("POST", "sessions/" + id + "/notes", { text });
      if (r.status === 201) { $("note-text").value = ""; await poll(); } else ctx.message("Note not saved: " + (r.data.error || r.status), true);
    };
    $("extend-form").addEventListener("submit", onExtend);
    $("finish-form").addEventListener("submit", onFinish);
    $("note-form").addEventListener("submit", onNote);

    $("live-running").textContent = "";
    showLink(false);
    poll();
    const unfollow = follow(async () => {
      const r = await ctx.api("POST", "sessions/" + id + "/stream-ticket");
      return r.status === 201 ? r.data.url : null;
    }, ["draft", "run_started", "run", "submission", "extend", "note", "grade", "time_up", "finished"], onLive, showLink);
    const poller = setInterval(() => { if (!live) poll(); }, FALLBACK_POLL_MS);
    const ticker = setInterval(tick, 1000);
    return () => {
      stopped = true;
      unfollow();
      clearInterval(poller);
      clearInterval(ticker);
      $("extend-form").removeEventListener("submit", onExtend);
      $("finish-form").removeEventListener("submit", onFinish);
      $("note-form").removeEventListener("submit", onNote);
      $("live-editor").replaceChildren();
    };
  }

  window.ProctorLive = { mount };
})();
