// Playback of a session: step or scrub through the saved drafts, each shown with what changed since
// the one before (the server's line diff, text/line_diff.cpp), beside the timeline of drafts, runs, submissions and notes. Clicking a
// timeline entry jumps to the draft that was current then.
"use strict";
(function () {
  const { el, clockTime, duration, verdictBadge } = window.ProctorCommon;
  function mount(container, id, ctx) {
    let drafts = [], live = null, index = 0, stopped = false;
    const cache = new Map();
    const slider = el("input", { type: "range", min: "1", max: "1", value: "1", class: "scrub", "aria-label": "Draft" });
    const prev = el("button", { type: "button", class: "pb-prev" }, "◀ Previous");
    const next = el("button", { type: "button", class: "pb-next" }, "Next ▶");
    const label = el("span", { class: "pb-label" }, "");
    const stats = el("span", { class: "muted pb-stats" }, "");
    const code = el("pre", { class: "pb-code", tabindex: "0" });
    const timeline = el("ol", { class: "timeline" });
    container.replaceChildren(
      el("div", { class: "pb-controls" }, prev, slider, next, label, stats),
      el("div", { class: "pb-body" }, el("div", { class: "pb-main" }, code), el("div", { class: "pb-side" }, el("h3", {}, "Timeline"), timeline)));

    // A draft with its diff against the one before it.
    async function draft(n) {
      if (!cache.has(n)) {
        const r = await ctx.api("GET", "sessions/" + id + "/drafts/" + n);
        if (r.status !== 200) return null;
        cache.set(n, r.data);
      }
      return cache.get(n);
    }

    function submittedAs(d) {
      return live ? live.submissions.filter((s) => s.sha256 === d.sha256).map((s) => "#" + s.n) : [];
    }

    async function show(i) {
      if (!drafts.length) return;
      index = Math.max(0, Math.min(drafts.length - 1, i));
      slider.value = String(index + 1);
      const d = drafts[index];
      const full = await draft(d.n);
      if (stopped || drafts[index] !== d || !full) return;
      const lines = full.diff;
      const added = lines.filter((l) => l.op === "added").length, removed = lines.filter((l) => l.op === "removed").length;
      const subs = submittedAs(d);
      label.textContent = "Draft " + d.n + " of " + drafts[drafts.length - 1].n + " · " + clockTime(Date.parse(d.saved_at)) +
        (live ? " · +" + duration(Date.parse(d.saved_at) - Date.parse(live.started_at)) : "") + (subs.length ? " · submitted as " + subs.join(", ") : "");
      stats.textContent = index === 0 ? "(first draft)" : "+" + added + " −" + removed + " lines since draft " + drafts[index - 1].n;
      const mark = { same: " ", added: "+", removed: "-" };
      code.replaceChildren(...lines.map((l) => el("span", { class: "line " + (l.op === "added" ? "add" : l.op === "removed" ? "del" : "same") },
        el("span", { class: "ln" }, l.new_line ? String(l.new_line) : ""), el("span", { class: "op" }, mark[l.op]), l.text + "\n")));
      // The first change in view: a one-line fix at line 200 is what this step is about.
      const changed = code.querySelector(".line.add, .line.del");
      code.scrollTop = changed ? Math.max(0, changed.offsetTop - code.offsetTop - code.clientHeight / 3) : 0;
      for (const li of timeline.querySelectorAll("li")) li.classList.toggle("current", li.dataset.draft === String(d.n));
      prev.disabled = index === 0;
      next.disabled = index === drafts.length - 1;
    }

    // The draft current at instant t: the last one saved at or before it.
    function draftAt(t) {
      let best = 0;
      drafts.forEach((d, i) => { if (Date.parse(d.saved_at) <= t) best = i; });
      return best;
    }

    function renderTimeline() {
      const events = [];
      for (const d of drafts) events.push({ at: d.saved_at, draft: d.n, what: el("span", {}, "draft " + d.n + " saved (" + d.bytes + " bytes)"), kind: "draft" });
      for (const r of live.runs) {
        events.push({ at: r.at, draft: r.draft, kind: "run", what: r.kind === "input"
          ? el("span", {}, "ran own input: " + (r.compile !== "OK" ? r.compile : r.status || "?"))
          : el("span", {}, "ran samples: " + (r.sample_passed != null ? r.sample_passed + "/" + r.sample_total + " " : ""), verdictBadge(r.verdict)) });
      }
      for (const s of live.submissions) {
        const d = drafts.find((x) => x.sha256 === s.sha256);
        events.push({ at: s.submitted_at, draft: d && d.n, kind: "submission", what: el("span", {}, el("strong", {}, "submission #" + s.n), s.late ? " (late, not graded)" : s.sample_total != null ? " samples " + s.sample_passed + "/" + s.sample_total + " " : " ", s.verdict ? verdictBadge(s.verdict) : "") });
      }
      for (const n of live.notes || []) events.push({ at: n.at, kind: "note", what: el("span", {}, "note: " + n.text) });
      for (const x of live.extensions || []) events.push({ at: x.at, kind: "extension", what: el("span", {}, "time extended by " + Math.round(x.seconds / 60) + " min, until " + clockTime(Date.parse(x.new_deadline))) });
      for (const g of live.gradings || []) {
        events.push({ at: g.at, kind: "finish", what: el("span", {}, (g.regrade ? "re-graded" : "finished by " + g.by) + (g.submission ? " (submission #" + g.submission + (g.chosen ? ", chosen" : "") + ")" : " (no submission)") + ": ", verdictBadge(g.verdict),
          g.warnings.length ? el("div", { class: "warning small" }, g.warnings.join(" ")) : null) });
      }
      // By time; at the same instant (a fast candidate, or a test's frozen clock), by the draft each event
      // belongs to: a draft, then what ran or was submitted from it, then the rest.
      const rank = { draft: 0, run: 0.3, submission: 0.6, note: 0.8, extension: 0.8, finish: 0.9 };
      for (const e of events) {
        const i = e.draft ? drafts.findIndex((d) => d.n === e.draft) : draftAt(Date.parse(e.at));
        e.order = (i >= 0 ? i : 0) + rank[e.kind];
      }
      events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
      timeline.replaceChildren(...events.map((e) => {
        const li = el("li", { class: "ev ev-" + e.kind, "data-draft": e.draft ? String(e.draft) : null },
          el("span", { class: "muted" }, "+" + duration(Date.parse(e.at) - Date.parse(live.started_at)) + " "), e.what);
        li.addEventListener("click", () => {
          const i = e.draft ? drafts.findIndex((d) => d.n === e.draft) : draftAt(Date.parse(e.at));
          show(i >= 0 ? i : draftAt(Date.parse(e.at)));
        });
        return li;
      }));
    }

    async function load() {
      const [d, l] = await Promise.all([ctx.api("GET", "sessions/" + id + "/drafts"), ctx.api("GET", "sessions/" + id + "?draft=-1")]);
      if (stopped) return;
      if (d.status !== 200 || l.status !== 200) { ctx.message("Cannot load the playback of " + id + ".", true); return; }
      drafts = d.data.drafts;
      live = l.data;
      slider.max = String(Math.max(1, drafts.length));
      renderTimeline();
      if (!drafts.length) { label.textContent = "No draft was saved in this session."; code.replaceChildren(); return; }
      await show(drafts.length - 1);
    }

    slider.addEventListener("input", () => show(parseInt(slider.value, 10) - 1));
    prev.addEventListener("click", () => show(index - 1));
    next.addEventListener("click", () => show(index + 1));
    container.addEventListener("keydown", (ev) => {
      if (ev.target === slider) return;
      if (ev.key === "ArrowLeft") show(index - 1);
      if (ev.key === "ArrowRight") show(index + 1);
    });
    load();
    return () => { stopped = true; container.replaceChildren(); };
  }

  window.ProctorPlayback = { mount };
})();
